package dev.daehwa.it.support;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of the server under test, read from outside as an operator would with jconsole: the
 * test attaches to the server's JVM, starts its local JMX agent, asks for a full collection and
 * reads what is still in use. Nothing in the app reports on itself for this.
 */
final class ServerHeap {

    private ServerHeap() {
    }

    static long usedAfterGc(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(
                        connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                memory.gc();
                return memory.getHeapMemoryUsage().getUsed();
            }
        } catch (IOException | com.sun.tools.attach.AttachNotSupportedException e) {
            throw new AssertionError("could not read the heap of the server (pid " + pid + ") over JMX: " + e, e);
        }
    }
}
