package dev.storycore.resilience.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The newest {@code capacity} records, in a lock-free ring.
 *
 * <p>Implementation notes: each writer claims a sequence number from one counter and stores its
 * record with that number in slot {@code sequence % capacity}. A slow writer never overwrites a
 * newer record: the slot is only replaced by CAS when it holds an older sequence. A reader takes the
 * counter as the end of its snapshot and keeps the slots whose sequence lies in the last
 * {@code capacity} numbers, so a slot still being written is simply absent from that snapshot.
 *
 * <p>Thread-safe.
 */
final class RecordRing {

    private record Slot(long sequence, ErrorRecord record) {
    }

    private final int capacity;
    private final AtomicLong next = new AtomicLong();
    private final AtomicReferenceArray<Slot> slots;

    RecordRing(int capacity) {
        this.capacity = capacity;
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    void add(ErrorRecord record) {
        long sequence = next.getAndIncrement();
        int index = (int) (sequence % capacity);
        Slot slot = new Slot(sequence, record);
        Slot current;
        do {
            current = slots.get(index);
            if (current != null && current.sequence() > sequence) {
                return;
            }
        } while (!slots.compareAndSet(index, current, slot));
    }

    /** The retained records, oldest first. */
    List<ErrorRecord> snapshot() {
        long end = next.get();
        long start = Math.max(0, end - capacity);
        List<ErrorRecord> records = new ArrayList<>((int) (end - start));
        for (long sequence = start; sequence < end; sequence++) {
            Slot slot = slots.get((int) (sequence % capacity));
            if (slot != null && slot.sequence() == sequence) {
                records.add(slot.record());
            }
        }
        return records;
    }
}
