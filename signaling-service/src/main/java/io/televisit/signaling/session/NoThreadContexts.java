package io.televisit.signaling.session;

import io.smallrye.context.CleanAutoCloseable;
import io.smallrye.context.SmallRyeThreadContext;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * A scope in which Mutiny captures no thread contexts (MicroProfile Context Propagation). Relaying a message needs none
 * (sessions, database access and events go by the Vert.x context), and capturing them for every Uni created on the
 * way was a large part of the cost of each relayed message (docs/BENCHMARKS.md).
 */
public final class NoThreadContexts {

    private NoThreadContexts() {
    }

    /** {@code try (var none = NoThreadContexts.scope()) { … }} */
    public static CleanAutoCloseable scope() {
        return SmallRyeThreadContext.withThreadContext(Holder.NONE);
    }

    /** Built on first use, at run time. */
    private static final class Holder {
        static final SmallRyeThreadContext NONE = SmallRyeThreadContext.builder().propagated(ThreadContext.NONE)
                .cleared(ThreadContext.NONE).unchanged(ThreadContext.ALL_REMAINING).build();
    }
}
