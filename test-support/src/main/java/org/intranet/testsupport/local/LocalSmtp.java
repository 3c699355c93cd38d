package org.intranet.testsupport.local;

import org.intranet.testsupport.infra.SmtpServer;

/** {@code ./intranet up}'s SMTP server (GreenMail): {@code --port 3025}; accepts and keeps every message. */
public final class LocalSmtp {
    private LocalSmtp() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(LocalMain.option(args, "--port", "3025"));
        SmtpServer smtp = SmtpServer.start(port);
        LocalMain.ready("smtp on 127.0.0.1:" + smtp.port(), started);
        LocalMain.runUntilTerminated(smtp);
    }
}
