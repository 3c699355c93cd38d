package org.intranet.testsupport.quarkus;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A part a test can stop and restart (the broker, the database), reachable as a platform MBean: the test resource
 * and the test may live in different class loaders, while the MBean server is one per JVM.
 */
public final class StopRestart {
    public interface ControlMBean {
        void stop();

        void restart();
    }

    private StopRestart() {
    }

    static void register(String name, Runnable stop, Runnable restart) {
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
            ObjectName objectName = new ObjectName(name);
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(new StandardMBean(control, ControlMBean.class), objectName);
        } catch (JMException e) {
            throw new IllegalStateException("could not register " + name, e);
        }
    }

    static void invoke(String name, String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(name), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("nothing registered as " + name + " in this JVM, or " + operation
                    + " failed", e);
        }
    }
}
