package org.intranet.testsupport.quarkus;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Stops and restarts the test broker from a test. The handle is a platform MBean because the test resource and
 * the test class may live in different class loaders, while the MBean server is one per JVM.
 */
public final class BrokerControl {
    private static final String NAME = "org.intranet.test:type=KafkaBroker";

    public interface ControlMBean {
        void stop();

        void restart();
    }

    private BrokerControl() {
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
            server.registerMBean(new javax.management.StandardMBean(control, ControlMBean.class), name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the broker control", e);
        }
    }

    public static void stopBroker() {
        invoke("stop");
    }

    public static void restartBroker() {
        invoke("restart");
    }

    private static void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("no KafkaResource running in this JVM, or " + operation + " failed", e);
        }
    }
}
