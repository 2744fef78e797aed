package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryFiguresTest {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void readsTheCurrentCachingAllocatorWording() {
        MemoryFigures m = MemoryFigures.read("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB."
                + " GPU 0 has a total capacity of 15.70 GiB of which 1.12 GiB is free. Process 4242 has 14.57 GiB"
                + " memory in use. Of the allocated memory 13.93 GiB is allocated by PyTorch, and 250.00 MiB is"
                + " reserved by PyTorch but unallocated.");

        assertThat(m.requested()).isEqualTo((long) (2.5 * GIB));
        assertThat(m.capacity()).isEqualTo(Math.round(15.70 * GIB));
        assertThat(m.free()).isEqualTo(Math.round(1.12 * GIB));
        assertThat(m.allocated()).isEqualTo(Math.round(13.93 * GIB));
        assertThat(m.reserved()).isEqualTo(250 * MIB);
        assertThat(m.shortfall()).isEqualTo(m.requested() - m.free());
    }

    @Test
    void readsTheOldCachingAllocatorWording() {
        MemoryFigures m = MemoryFigures.read("CUDA out of memory. Tried to allocate 1.10 GiB (GPU 0; 23.69 GiB total"
                + " capacity; 20.28 GiB already allocated; 602.81 MiB free; 21.77 GiB reserved in total by PyTorch)");

        assertThat(m.requested()).isEqualTo(Math.round(1.10 * GIB));
        assertThat(m.capacity()).isEqualTo(Math.round(23.69 * GIB));
        assertThat(m.allocated()).isEqualTo(Math.round(20.28 * GIB));
        assertThat(m.free()).isEqualTo(Math.round(602.81 * MIB));
    }

    @Test
    void readsTheCudaMallocAsyncStatisticsBlock() {
        MemoryFigures m = MemoryFigures.read("Allocation on device 0 would exceed allowed memory. (out of memory)\n"
                + "Currently allocated     : 14.81 GiB\nRequested               : 320.00 MiB\n"
                + "Device limit            : 15.92 GiB\nFree (according to CUDA): 0 bytes");

        assertThat(m.allocated()).isEqualTo(Math.round(14.81 * GIB));
        assertThat(m.requested()).isEqualTo(320 * MIB);
        assertThat(m.capacity()).isEqualTo(Math.round(15.92 * GIB));
        assertThat(m.free()).isZero();
        assertThat(m.shortfall()).as("unknown when nothing free was stated").isZero();
    }

    @Test
    void takesProcessMemoryInUseWhenPyTorchAllocationIsNotStated() {
        MemoryFigures m = MemoryFigures.read("Process 3579258 has 44.43 GiB memory in use.");

        assertThat(m.allocated()).isEqualTo(Math.round(44.43 * GIB));
    }

    @Test
    void readsCpuAllocatorBytesAndNumpyAndMps() {
        assertThat(MemoryFigures.read(
                "DefaultCPUAllocator: not enough memory: you tried to allocate 20423839744 bytes.").requested())
                .isEqualTo(20_423_839_744L);
        assertThat(MemoryFigures.read("Unable to allocate 3.45 GiB for an array with shape (1, 2)").requested())
                .isEqualTo(Math.round(3.45 * GIB));
        MemoryFigures mps = MemoryFigures.read("MPS backend out of memory (MPS allocated: 17.80 GB, other allocations:"
                + " 1.21 GB, max allowed: 18.13 GB). Tried to allocate 256.00 MB on private pool.");
        assertThat(mps.capacity()).isEqualTo(Math.round(18.13 * GIB));
        assertThat(mps.allocated()).isEqualTo(Math.round(17.80 * GIB));
        assertThat(mps.requested()).isEqualTo(256 * MIB);
    }

    @Test
    void isAllZeroForTextWithoutFigures() {
        assertThat(MemoryFigures.read("RuntimeError: CUDA error: out of memory")).isEqualTo(MemoryFigures.NONE);
    }
}
