package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The race between a call returning and its deadline firing. */
class TimeoutInterrupterTest {

    @Test
    void aDeadlineFiringAfterTheCallFinishedDoesNothing() {
        var deadline = new TimeoutInterrupter(Thread.currentThread());

        assertThat(deadline.finish()).isTrue();
        deadline.run();

        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aCallFinishingAfterTheDeadlineFiredLosesAndClearsTheInterrupt() {
        var deadline = new TimeoutInterrupter(Thread.currentThread());

        deadline.run();
        assertThat(deadline.finish()).isFalse();
        deadline.clearInterrupt();

        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void theCallerWaitsForAnInterruptInFlightBeforeClearingIt() throws Exception {
        var callerLost = new CountDownLatch(1);
        var timerDone = new CountDownLatch(1);
        var strayInterrupt = new AtomicReference<Boolean>();
        var deadline = new AtomicReference<TimeoutInterrupter>();
        var finishedFirst = new AtomicReference<Boolean>();
        Thread caller = Thread.ofPlatform().unstarted(() -> {
            finishedFirst.set(deadline.get().finish());
            callerLost.countDown();
            deadline.get().clearInterrupt();
            try {
                timerDone.await();
                strayInterrupt.set(false);
            } catch (InterruptedException stray) {
                strayInterrupt.set(true);
            }
        });
        deadline.set(new TimeoutInterrupter(caller));
        // The timer has won the race but not yet delivered its interrupt.
        assertThat(deadline.get().compareAndSet(TimeoutInterrupter.RUNNING, TimeoutInterrupter.INTERRUPTING)).isTrue();
        caller.start();

        callerLost.await();
        caller.interrupt();
        deadline.get().set(TimeoutInterrupter.INTERRUPTED);
        timerDone.countDown();
        caller.join();

        assertThat(finishedFirst.get()).isFalse();
        assertThat(strayInterrupt.get()).isFalse();
    }

    @Test
    void neitherSideOfARealRaceLeavesAStrayInterrupt() throws Exception {
        int rounds = 2_000;
        var barrier = new CyclicBarrier(2);
        var current = new AtomicReference<TimeoutInterrupter>();
        var timerDone = new CountDownLatch[rounds];
        for (int i = 0; i < rounds; i++) {
            timerDone[i] = new CountDownLatch(1);
        }
        Thread caller = Thread.currentThread();
        Thread timer = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    barrier.await();
                    current.get().run();
                    timerDone[i].countDown();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        int stray = 0;
        for (int i = 0; i < rounds; i++) {
            current.set(new TimeoutInterrupter(caller));
            barrier.await();
            if (!current.get().finish()) {
                current.get().clearInterrupt();
            }
            awaitUninterruptibly(timerDone[i]);
            if (Thread.interrupted()) {
                stray++;
            }
        }
        timer.join();

        assertThat(stray).isZero();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
