using System;
using Nacre.Memory;
using Nacre.Testing;

/// <summary>Checks that repeating some work allocates nothing once the pools are warm.</summary>
internal static class NoLeak
{
    // Everything allocated: heap objects plus buddy pages (thread stacks come straight from the buddy).
    public static ulong Footprint() => Heap.BytesInUse + (PageAllocator.TotalBytes - PageAllocator.FreeBytes);

    /// <summary>Runs round twice: the first may fill pools; the second must leave memory exactly as it found it.</summary>
    public static void Check(Action round)
    {
        round();
        ulong before = Footprint();
        round();
        Assert.Equal(before, Footprint(), "memory back to its start value");
    }
}
