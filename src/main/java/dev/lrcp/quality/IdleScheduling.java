package dev.lrcp.quality;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Linux's {@code SCHED_IDLE} class for the calling thread: it then runs only on CPU that no other
 * thread wants, so a request's thread woken on a busy core takes the core at once. A nice value (or
 * a Java priority with {@code -XX:ThreadPriorityPolicy=1}) only lowers the thread's weight against
 * the others. Elsewhere, or where the kernel refuses the change, the thread keeps its class.
 */
final class IdleScheduling {

  private static final int SCHED_IDLE = 5;

  interface LibC extends Library {
    int sched_setscheduler(int pid, int policy, int[] param);
  }

  private IdleScheduling() {}

  /** True when the calling thread now runs in {@code SCHED_IDLE}. */
  static boolean enter() {
    LibC libc = Holder.LIBC;
    return libc != null && libc.sched_setscheduler(0, SCHED_IDLE, new int[] {0}) == 0;
  }

  /** Loaded on first use; null off Linux or when the C library cannot be bound. */
  private static final class Holder {
    static final LibC LIBC = load();

    private static LibC load() {
      if (!Platform.isLinux()) {
        return null;
      }
      try {
        return Native.load("c", LibC.class);
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        return null;
      }
    }
  }
}
