package org.intranet.testsupport.quarkus;

import java.util.Map;

import org.intranet.testsupport.infra.Ports;
import org.intranet.testsupport.infra.SmtpServer;
import org.intranet.testsupport.infra.TcpProxy;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) for one test run, reached through a {@link TcpProxy} so a test can take it away and
 * bring it back; what it received is read through {@link SmtpControl}.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {
    private SmtpServer smtp;
    private TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        smtp = SmtpServer.start(Ports.free());
        proxy = TcpProxy.start(Ports.free(), smtp.port());
        SmtpControl.register(proxy::cut, proxy::resume, smtp.greenMail());
        return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(proxy.port()));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }
}
