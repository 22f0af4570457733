package org.lawline.handoff.escalation;

/** The single-machine default: both "instances" are the one process's timers. */
class InProcessPickupTimersTest extends PickupTimersContract {

    private final InProcessPickupTimers timers = new InProcessPickupTimers();

    @Override
    PickupTimers timers() {
        return timers;
    }

    @Override
    PickupTimers sameTimersFromAnotherInstance() {
        return timers;
    }
}
