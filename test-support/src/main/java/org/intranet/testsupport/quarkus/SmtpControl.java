package org.intranet.testsupport.quarkus;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Takes the {@link SmtpResource}'s server away and back, and hands a test the messages it received, as whole MIME
 * texts. Through platform MBeans: the test resource and the test may live in different class loaders.
 */
public final class SmtpControl {
    private static final String CONTROL = "org.intranet.test:type=Smtp";
    private static final String MAILBOX = "org.intranet.test:type=Mailbox";

    public interface MailboxMBean {
        /** The attribute {@code Received}. */
        String[] getReceived();
    }

    private SmtpControl() {
    }

    static void register(Runnable stop, Runnable restart, GreenMail mail) {
        StopRestart.register(CONTROL, stop, restart);
        MailboxMBean mailbox = () -> Arrays.stream(mail.getReceivedMessages()).map(GreenMailUtil::getWholeMessage)
                .toArray(String[]::new);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(MAILBOX);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(mailbox, MailboxMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register " + MAILBOX, e);
        }
    }

    public static void stopSmtp() {
        StopRestart.invoke(CONTROL, "stop");
    }

    public static void restartSmtp() {
        StopRestart.invoke(CONTROL, "restart");
    }

    /** Every message received so far, oldest first, as MIME text (headers and body). */
    public static List<String> received() {
        try {
            return List.of((String[]) ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName(MAILBOX), "Received"));
        } catch (JMException e) {
            throw new IllegalStateException("no SmtpResource in this JVM", e);
        }
    }
}
