using System.Runtime.InteropServices;

namespace Nacre.MpiUpcalls
{
    /// <summary>
    /// The upcall page's layout (docs/mpi.md): a header, then request slots the HRT fills in ticket
    /// order and the host service completes. Shared by the HRT's Nacre.Mpi and the host's service.
    /// </summary>
    public static class UpcallPage
    {
        /// <summary>"NACRMPI1": written by the host service before the HRT runs.</summary>
        public const ulong Magic = 0x3149504D5243414EUL;

        public const int PageBytes = 4096, HeaderBytes = 128, SlotBytes = 128;
        public const int SlotCount = (PageBytes - HeaderBytes) / SlotBytes;   // 31

        /// <summary>Header flag: the service has no thread of its own; the HRT rings the doorbell
        /// (hypercall 0x28) to make it progress, on posting and on every look at a pending slot.</summary>
        public const uint FlagDoorbell = 1;

        /// <summary>Doorbell value bit: "I am waiting; give my vCPU's host core to another thread"
        /// (thread mode: the host thread calls sched_yield and returns).</summary>
        public const ulong YieldHost = 1UL << 63;
    }

    /// <summary>The page's first 128 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 128)]
    public struct UpcallHeader
    {
        public ulong Magic;       // host, before the HRT runs
        public int Rank, Size;    // host: this process's MPI rank and the world's size
        public uint SlotCount;    // host
        public uint Flags;        // host: UpcallPage.FlagDoorbell
        public ulong Reserved0, Reserved1, Reserved2, Reserved3, Reserved4;
        public ulong Tail;        // HRT: the next ticket (atomic increment); a line of its own
    }

    /// <summary>One request: the first line is the HRT's, the second the host's.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 128)]
    public struct UpcallSlot
    {
        public ulong Seq;         // HRT, last (release): ticket + 1 when posted
        public int Op;            // UpcallOp
        public int Type;          // MpiType
        public int Reduce;        // MpiOp
        public int Peer;          // destination, source (-1 any) or root
        public int Tag;           // ≥ 0, or -1 (any) for receives
        public int Reserved;
        public ulong Send;        // send buffer (arena address)
        public ulong Receive;     // receive buffer (arena address)
        public long Count;        // elements (per rank for Alltoall)
        public ulong Free;        // the ticket that may use this slot next (HRT, once it has read the result)
        public long Result;       // host: ≥ 0 success (bytes received for receives), < 0 an MpiStatus
        public long Detail;       // host: the MPI error code, the offending value, or the source rank
        public ulong Done;        // host, last (release): = Seq once Result is written
        public ulong Reserved1, Reserved2, Reserved3, Reserved4, Reserved5;
    }

    /// <summary>What a slot asks for.</summary>
    public enum UpcallOp
    {
        Send = 1, Receive = 2, Barrier = 3, Broadcast = 4, Allreduce = 5, Alltoall = 6,
    }
}
