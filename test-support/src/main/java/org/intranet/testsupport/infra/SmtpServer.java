package org.intranet.testsupport.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on loopback that accepts every message and keeps it in memory. */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail mail;
    private final int port;

    private SmtpServer(GreenMail mail, int port) {
        this.mail = mail;
        this.port = port;
    }

    public static SmtpServer start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return new SmtpServer(mail, port);
    }

    public int port() {
        return port;
    }

    public GreenMail greenMail() {
        return mail;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
