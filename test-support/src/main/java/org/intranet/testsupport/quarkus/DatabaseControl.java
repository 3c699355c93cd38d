package org.intranet.testsupport.quarkus;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Takes the test database away from the application and brings it back (through the {@link PostgresResource}'s
 * proxy: connections reset and refused, data kept). A platform MBean, like {@link BrokerControl}, because the
 * resource and the test may live in different class loaders.
 */
public final class DatabaseControl {
    private static final String NAME = "org.intranet.test:type=Database";

    public interface ControlMBean {
        void stop();

        void restart();
    }

    private DatabaseControl() {
    }

    static void register(Runnable stop, Runnable restart) {
        ControlMBean control = new ControlMBean() {
            @Override
            public void stop() {
                stop.run();
            }

            @Override
            public void restart() {
                restart.run();
            }
        };
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new StandardMBean(control, ControlMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the database control", e);
        }
    }

    public static void stopDatabase() {
        invoke("stop");
    }

    public static void restartDatabase() {
        invoke("restart");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("no PostgresResource running in this JVM, or " + operation + " failed", e);
        }
    }
}
