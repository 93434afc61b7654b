namespace Nacre
{
    /// <summary>The element type of a message: what Allreduce combines, and how counts are measured.</summary>
    public enum MpiType { Byte = 0, Double = 1, Long = 2 }

    /// <summary>Allreduce's combining operation.</summary>
    public enum MpiOp { Sum = 0, Min = 1, Max = 2 }

    /// <summary>How a thread waits for an MPI call to finish: Block lets the CPU's other threads run
    /// between looks (the HRT's kernel threads; elsewhere the OS's), Poll spins.</summary>
    public enum MpiWait { Block = 0, Poll = 1 }

    /// <summary>Why an MPI call failed (the negative Result of an upcall; the same on Linux).</summary>
    public enum MpiStatus
    {
        Ok = 0,
        BufferOutsideArena = -1,
        RankOutOfRange = -2,
        BadCount = -3,
        BadTag = -4,
        BadOperation = -5,
        MpiFailed = -6,
        NotAvailable = -7,
    }

    public static class MpiErrors
    {
        /// <summary>One sentence for an MpiStatus and its detail value.</summary>
        public static string Describe(MpiStatus status, long detail, int size)
        {
            switch (status)
            {
                case MpiStatus.BufferOutsideArena: return $"a buffer lies outside the arena (at 0x{(ulong)detail:X}): MPI buffers must come from Mpi.Alloc";
                case MpiStatus.RankOutOfRange: return "rank " + detail.ToString() + " is out of range: the world has ranks 0.." + (size - 1).ToString();
                case MpiStatus.BadCount: return "count " + detail.ToString() + " is negative or too large (at most 2^31-1 elements per call, and buffers must fit)";
                case MpiStatus.BadTag: return "tag " + detail.ToString() + " is negative (only receives may use -1, any tag)";
                case MpiStatus.BadOperation: return "operation or element type " + detail.ToString() + " is not one the service knows";
                case MpiStatus.MpiFailed: return "MPI returned error " + detail.ToString() + MpiErrorName(detail);
                case MpiStatus.NotAvailable: return "no MPI service: run the HRT with `mpirun ... nacre run` (docs/mpi.md)";
                default: return "status " + ((int)status).ToString();
            }
        }

        private static string MpiErrorName(long code) => code switch
        {
            15 => " (MPI_ERR_TRUNCATE: the message is longer than the receive buffer)",
            2 => " (MPI_ERR_COUNT)",
            6 => " (MPI_ERR_RANK)",
            _ => "",
        };
    }

    /// <summary>An MPI call failed; the message says why.</summary>
    public sealed class MpiException : System.Exception
    {
        public MpiException(MpiStatus status, string message) : base(message) { Status = status; }
        public MpiStatus Status { get; }
    }
}
