package org.intranet.search.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.enterprise.context.Dependent;

import org.apache.http.impl.nio.client.HttpAsyncClientBuilder;
import org.elasticsearch.client.RestClientBuilder;
import org.jboss.logging.Logger;

import io.quarkus.elasticsearch.restclient.lowlevel.ElasticsearchClientConfig;

/**
 * Trusts the CA that signed OpenSearch's HTTP certificate (the OpenSearch operator generates it; Kubernetes mounts
 * only its {@code ca.crt} at {@code $OPENSEARCH_CA_FILE}). Without {@code intranet.search.ca-file} the client keeps
 * the JVM's default trust store, which is what the local plain-HTTP node needs.
 */
@ElasticsearchClientConfig
@Dependent
public class OpenSearchTls implements RestClientBuilder.HttpClientConfigCallback {
    private static final Logger LOG = Logger.getLogger(OpenSearchTls.class);
    private final SearchConfig config;

    OpenSearchTls(SearchConfig config) {
        this.config = config;
    }

    @Override
    public HttpAsyncClientBuilder customizeHttpClient(HttpAsyncClientBuilder builder) {
        config.caFile().map(Path::of).ifPresent(file -> {
            builder.setSSLContext(trusting(file));
            LOG.infof("OpenSearch TLS: trusting the CA in %s", file);
        });
        return builder;
    }

    static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("no certificate in " + caFile);
            }
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("opensearch-ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the OpenSearch CA from " + caFile, e);
        }
    }
}
