package io.televisit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server JVM seen from outside: CPU time and RSS from /proc, live heap through jcmd (same user, same machine). */
final class ServerProcess {

    /** Heap lines of GC.heap_info: "def new generation total 78656K, used 1234K", "garbage-first heap total …". */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final long pid;
    private final long ticksPerSecond = clockTicks();
    private final String jcmd = Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jcmd"))
            ? Path.of(System.getProperty("java.home"), "bin", "jcmd").toString() : "jcmd";

    ServerProcess(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** utime + stime of the process, in nanoseconds (resolution: one clock tick). */
    long cpuNanos() {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return ticks * 1_000_000_000L / ticksPerSecond;
    }

    /** Voluntary and involuntary context switches of all the process's threads (wake-ups, mostly). */
    long contextSwitches() {
        long switches = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.contains("ctxt_switches:")) {
                            switches += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return switches;
    }

    /** VmRSS in KiB. */
    long rssKb() {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    /** Heap in use after a full collection (jcmd GC.run, then GC.heap_info), in KiB; -1 if jcmd is not usable. */
    long liveHeapKb() {
        try {
            run("GC.run");
            Matcher used = HEAP_USED.matcher(run("GC.heap_info"));
            long kb = 0;
            boolean found = false;
            while (used.find()) {
                kb += Long.parseLong(used.group(1));
                found = true;
            }
            return found ? kb : -1;
        } catch (IOException | RuntimeException e) {
            System.err.println("jcmd failed: " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Live objects by class (jcmd GC.class_histogram, which collects first): class name -> bytes. */
    java.util.Map<String, Long> liveBytesByClass() {
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        try {
            for (String line : run("GC.class_histogram").split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bytes;
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + command + " exited " + process.exitValue() + ": " + out.strip());
        }
        return out;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + " (is the server still running?)", e);
        }
    }

    /** {@code getconf CLK_TCK}: the unit of utime and stime (100 on Linux). */
    private static long clockTicks() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return process.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
