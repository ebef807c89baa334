package io.televisit.bench;

/** Relays and CPU between two points in time. */
final class Phase {

    private final LoadRun run;
    private final ServerProcess server;
    private final long startNanos = System.nanoTime();
    private final long startRelays;
    private final long startPings;
    private final long startServerCpu;
    private final long startSwitches;
    private final long startClientCpu = Machine.clientCpuNanos();
    private final long[] startMachine = Machine.jiffies();
    long relays;
    long pings;
    double seconds;
    long serverCpuNanos;
    long serverSwitches;
    long clientCpuNanos;
    double machineBusy;
    long minPerSecond = Long.MAX_VALUE;
    long maxPerSecond;

    Phase(LoadRun run, ServerProcess server) {
        this.run = run;
        this.server = server;
        this.startRelays = run.relays.sum();
        this.startPings = run.pings.sum();
        this.startServerCpu = server.cpuNanos();
        this.startSwitches = server.contextSwitches();
    }

    void perSecond(long count) {
        minPerSecond = Math.min(minPerSecond, count);
        maxPerSecond = Math.max(maxPerSecond, count);
    }

    Phase end() {
        relays = run.relays.sum() - startRelays;
        pings = run.pings.sum() - startPings;
        seconds = (System.nanoTime() - startNanos) / 1e9;
        serverCpuNanos = server.cpuNanos() - startServerCpu;
        serverSwitches = server.contextSwitches() - startSwitches;
        clientCpuNanos = Machine.clientCpuNanos() - startClientCpu;
        long[] machine = Machine.jiffies();
        machineBusy = (double) (machine[0] - startMachine[0]) / Math.max(1, machine[1] - startMachine[1]);
        if (minPerSecond == Long.MAX_VALUE) {
            minPerSecond = 0;
        }
        return this;
    }

    double serverMicrosPerMessage() {
        return serverCpuNanos / 1e3 / Math.max(1, relays);
    }

    double serverMillisPer(int count) {
        return serverCpuNanos / 1e6 / Math.max(1, count);
    }

    double serverCores() {
        return serverCpuNanos / 1e9 / seconds;
    }
}
