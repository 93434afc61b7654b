using System.Threading;
using Nacre.Boot;
using Nacre.MpiUpcalls;

namespace Nacre
{
    /// <summary>A nonblocking call in flight: pass it to Mpi.Wait once.</summary>
    public struct MpiRequest
    {
        internal ulong Ticket;
        internal bool Active;
        public bool IsActive => Active;
    }

    /// <summary>
    /// MPI for an HRT (docs/mpi.md): every call is an upcall to this rank's Linux process, which
    /// runs it with Open MPI. Buffers must lie in the arena (Mpi.Alloc), which the process sees at
    /// the same address. Argument errors throw MpiException here before anything is posted; the
    /// host checks again and fails the call the same way. Blocking calls wait as DefaultWait says;
    /// Wait takes its own choice.
    /// </summary>
    public static unsafe class Mpi
    {
        private static long s_arenaUsed;

        /// <summary>How blocking calls wait: Block (the CPU's other threads run meanwhile, the default) or Poll.</summary>
        public static MpiWait DefaultWait = MpiWait.Block;

        /// <summary>True when this HRT runs under an MPI service (mpirun … nacre run).</summary>
        public static bool IsAvailable => UpcallClient.Attached;

        /// <summary>Checks that a service is attached (MpiException NotAvailable if not).</summary>
        public static void Init()
        {
            if (!IsAvailable) throw new MpiException(MpiStatus.NotAvailable, "Nacre.Mpi: " + MpiErrors.Describe(MpiStatus.NotAvailable, 0, 0));
        }

        /// <summary>Nothing to release in an HRT: the process finalizes MPI after the HRT exits.</summary>
        public static void Finish() { }

        public static int Rank { get { Init(); return UpcallClient.Header->Rank; } }
        public static int Size { get { Init(); return UpcallClient.Header->Size; } }

        /// <summary>count Ts of arena memory (zeroed, 64-byte aligned), never freed.</summary>
        public static T* Alloc<T>(long count) where T : unmanaged
        {
            if (count < 0) throw new MpiException(MpiStatus.BadCount, "Nacre.Mpi: Alloc of " + count.ToString() + " elements");
            long bytes = count * sizeof(T);
            while (true)
            {
                long used = Volatile.Read(ref s_arenaUsed);
                long start = (used + 63) & ~63L;
                if (start + bytes > (long)HvmBootInfo.ArenaBytes)
                    throw new MpiException(MpiStatus.BadCount, "Nacre.Mpi: the arena has " + ((long)HvmBootInfo.ArenaBytes - start).ToString() + " bytes left; " + bytes.ToString() + " were asked for (nacre run --arena)");
                if (Interlocked.CompareExchange(ref s_arenaUsed, start + bytes, used) == used)
                    return (T*)(HvmBootInfo.ArenaVirtual + (ulong)start);
            }
        }

        public static void Send(void* buffer, long bytes, int destination, int tag = 0) =>
            UpcallClient.Wait(Isend(buffer, bytes, destination, tag).Ticket, DefaultWait);

        /// <summary>Receives into buffer (at most bytes); returns the bytes received. source -1: any rank; tag -1: any tag.</summary>
        public static long Recv(void* buffer, long bytes, int source, int tag = 0) =>
            UpcallClient.Wait(Irecv(buffer, bytes, source, tag).Ticket, DefaultWait);

        public static MpiRequest Isend(void* buffer, long bytes, int destination, int tag = 0)
        {
            CheckRank(destination, false);
            CheckTag(tag, false);
            CheckBuffer(buffer, bytes);
            return Start(UpcallOp.Send, MpiType.Byte, MpiOp.Sum, destination, tag, buffer, null, bytes);
        }

        public static MpiRequest Irecv(void* buffer, long bytes, int source, int tag = 0)
        {
            CheckRank(source, true);
            CheckTag(tag, true);
            CheckBuffer(buffer, bytes);
            return Start(UpcallOp.Receive, MpiType.Byte, MpiOp.Sum, source, tag, null, buffer, bytes);
        }

        /// <summary>True once the request has finished (Wait still must be called).</summary>
        public static bool Test(ref MpiRequest request) => !request.Active || UpcallClient.IsDone(request.Ticket);

        /// <summary>Waits for a request; returns its byte count (receives) or 0. A finished request becomes inactive.</summary>
        public static long Wait(ref MpiRequest request, MpiWait how = MpiWait.Block)
        {
            if (!request.Active) throw new MpiException(MpiStatus.BadOperation, "Nacre.Mpi: Wait on a request that is not active (never started, or already waited for)");
            request.Active = false;
            return UpcallClient.Wait(request.Ticket, how);
        }

        public static void Barrier() => Call(UpcallOp.Barrier, MpiType.Byte, MpiOp.Sum, 0, null, null, 0);

        public static void Bcast(void* buffer, long bytes, int root)
        {
            CheckRank(root, false);
            CheckBuffer(buffer, bytes);
            Call(UpcallOp.Broadcast, MpiType.Byte, MpiOp.Sum, root, buffer, buffer, bytes);
        }

        /// <summary>recv = op over all ranks of send, element-wise; send == recv is in place.</summary>
        public static void Allreduce(double* send, double* receive, long count, MpiOp op) => Reduce(MpiType.Double, send, receive, count, op);

        public static void Allreduce(long* send, long* receive, long count, MpiOp op) => Reduce(MpiType.Long, send, receive, count, op);

        /// <summary>Block i (bytesPerRank) of send goes to rank i; block j of receive comes from rank j.</summary>
        public static void Alltoall(void* send, void* receive, long bytesPerRank)
        {
            Init();
            CheckCount(bytesPerRank);
            long total = bytesPerRank * UpcallClient.Header->Size;
            CheckBuffer(send, total);
            CheckBuffer(receive, total);
            Call(UpcallOp.Alltoall, MpiType.Byte, MpiOp.Sum, 0, send, receive, bytesPerRank);
        }

        private static void Reduce(MpiType type, void* send, void* receive, long count, MpiOp op)
        {
            if ((uint)op > (uint)MpiOp.Max) Fail(MpiStatus.BadOperation, (long)op);
            CheckCount(count);
            CheckBuffer(send, count * 8);
            CheckBuffer(receive, count * 8);
            Call(UpcallOp.Allreduce, type, op, 0, send, receive, count);
        }

        private static void Call(UpcallOp op, MpiType type, MpiOp reduce, int peer, void* send, void* receive, long count) =>
            UpcallClient.Wait(Start(op, type, reduce, peer, 0, send, receive, count).Ticket, DefaultWait);

        private static MpiRequest Start(UpcallOp op, MpiType type, MpiOp reduce, int peer, int tag, void* send, void* receive, long count)
        {
            Init();
            return new MpiRequest { Ticket = UpcallClient.Post(op, type, reduce, peer, tag, send, receive, count), Active = true };
        }

        private static void CheckRank(int rank, bool anyAllowed)
        {
            Init();
            if (rank >= UpcallClient.Header->Size || rank < (anyAllowed ? -1 : 0)) Fail(MpiStatus.RankOutOfRange, rank);
        }

        private static void CheckTag(int tag, bool anyAllowed)
        {
            if (tag < (anyAllowed ? -1 : 0)) Fail(MpiStatus.BadTag, tag);
        }

        private static void CheckCount(long count)
        {
            if (count < 0 || count > int.MaxValue) Fail(MpiStatus.BadCount, count);
        }

        private static void CheckBuffer(void* buffer, long bytes)
        {
            CheckCount(bytes);
            ulong start = HvmBootInfo.ArenaVirtual, size = HvmBootInfo.ArenaBytes, at = (ulong)buffer;
            if (bytes == 0) return;
            if (at < start || at - start > size || (ulong)bytes > size - (at - start)) Fail(MpiStatus.BufferOutsideArena, (long)at);
        }

        private static void Fail(MpiStatus status, long detail) =>
            throw new MpiException(status, "Nacre.Mpi: rank " + UpcallClient.Header->Rank.ToString() + ": " + MpiErrors.Describe(status, detail, UpcallClient.Header->Size));
    }
}
