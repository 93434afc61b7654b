using System.Runtime.InteropServices;
using System.Threading;
using Nacre.MpiUpcalls;

namespace Nacre
{
    /// <summary>A nonblocking call in flight: pass it to Mpi.Wait once.</summary>
    public struct MpiRequest
    {
        internal nint Handle;
        internal bool Active, Finished;
        internal long Count;
        public bool IsActive => Active;
    }

    /// <summary>
    /// MPI for a Linux process, with the same API as an HRT's Nacre.Mpi (docs/mpi.md), so that one
    /// application source builds both ways; here each call is Open MPI's own, called directly.
    /// Any memory may be a buffer; Alloc is there so that code written for an HRT's arena runs too.
    /// </summary>
    public static unsafe class Mpi
    {
        private static int s_rank = -1, s_size;

        public static MpiWait DefaultWait = MpiWait.Block;

        public static bool IsAvailable => s_rank >= 0;

        /// <summary>MPI_Init_thread (once); a process not started by mpirun is a world of one.</summary>
        public static void Init()
        {
            if (s_rank >= 0) return;
            (s_rank, s_size) = MpiNative.Initialize();
        }

        public static void Finish() => MpiNative.Finish();

        public static int Rank { get { Init(); return s_rank; } }
        public static int Size { get { Init(); return s_size; } }

        public static T* Alloc<T>(long count) where T : unmanaged
        {
            if (count < 0) Fail(MpiStatus.BadCount, count);
            var memory = NativeMemory.AlignedAlloc((nuint)(count * sizeof(T)), 64);
            NativeMemory.Clear(memory, (nuint)(count * sizeof(T)));
            return (T*)memory;
        }

        public static void Send(void* buffer, long bytes, int destination, int tag = 0)
        {
            Check(destination, false, tag, bytes);
            MpiNative.Check(MpiNative.Send(buffer, (int)bytes, MpiNative.Byte, destination, tag, MpiNative.CommWorld), "MPI_Send");
        }

        public static long Recv(void* buffer, long bytes, int source, int tag = 0)
        {
            Check(source, true, tag, bytes);
            MpiNativeStatus status;
            MpiNative.Check(MpiNative.Recv(buffer, (int)bytes, MpiNative.Byte, source, tag, MpiNative.CommWorld, &status), "MPI_Recv");
            int count;
            MpiNative.GetCount(&status, MpiNative.Byte, &count);
            return count;
        }

        public static MpiRequest Isend(void* buffer, long bytes, int destination, int tag = 0)
        {
            Check(destination, false, tag, bytes);
            nint request;
            MpiNative.Check(MpiNative.Isend(buffer, (int)bytes, MpiNative.Byte, destination, tag, MpiNative.CommWorld, &request), "MPI_Isend");
            return new MpiRequest { Handle = request, Active = true };
        }

        public static MpiRequest Irecv(void* buffer, long bytes, int source, int tag = 0)
        {
            Check(source, true, tag, bytes);
            nint request;
            MpiNative.Check(MpiNative.Irecv(buffer, (int)bytes, MpiNative.Byte, source, tag, MpiNative.CommWorld, &request), "MPI_Irecv");
            return new MpiRequest { Handle = request, Active = true };
        }

        public static bool Test(ref MpiRequest request)
        {
            if (!request.Active) return true;
            int flag;
            MpiNativeStatus status;
            nint handle = request.Handle;
            // MPI_Test frees a finished request: remember its count for Wait.
            MpiNative.Check(MpiNative.Test(&handle, &flag, &status), "MPI_Test");
            if (flag == 0) return false;
            request.Handle = handle;
            request.Finished = true;
            request.Count = Count(&status);
            return true;
        }

        public static long Wait(ref MpiRequest request, MpiWait how = MpiWait.Block)
        {
            if (!request.Active) throw new MpiException(MpiStatus.BadOperation, "Nacre.Mpi: Wait on a request that is not active (never started, or already waited for)");
            request.Active = false;
            if (request.Finished) return request.Count;
            nint handle = request.Handle;
            MpiNativeStatus status;
            int flag = 0, spins = 0;
            while (true)
            {
                MpiNative.Check(MpiNative.Test(&handle, &flag, &status), "MPI_Test");
                if (flag != 0) return Count(&status);
                if (how == MpiWait.Block && ++spins % 64 == 0) Thread.Yield();
            }
        }

        public static void Barrier() => MpiNative.Check(MpiNative.Barrier(MpiNative.CommWorld), "MPI_Barrier");

        public static void Bcast(void* buffer, long bytes, int root)
        {
            Check(root, false, 0, bytes);
            MpiNative.Check(MpiNative.Bcast(buffer, (int)bytes, MpiNative.Byte, root, MpiNative.CommWorld), "MPI_Bcast");
        }

        public static void Allreduce(double* send, double* receive, long count, MpiOp op) => Reduce(MpiType.Double, send, receive, count, op);

        public static void Allreduce(long* send, long* receive, long count, MpiOp op) => Reduce(MpiType.Long, send, receive, count, op);

        public static void Alltoall(void* send, void* receive, long bytesPerRank)
        {
            Init();
            CheckCount(bytesPerRank);
            MpiNative.Check(MpiNative.Alltoall(send, (int)bytesPerRank, MpiNative.Byte, receive, (int)bytesPerRank, MpiNative.Byte, MpiNative.CommWorld), "MPI_Alltoall");
        }

        private static void Reduce(MpiType type, void* send, void* receive, long count, MpiOp op)
        {
            Init();
            if ((uint)op > (uint)MpiOp.Max) Fail(MpiStatus.BadOperation, (long)op);
            CheckCount(count);
            MpiNative.Check(MpiNative.Allreduce(send == receive ? (void*)MpiNative.InPlace : send, receive, (int)count,
                MpiNative.TypeHandle(type), MpiNative.OpHandle(op), MpiNative.CommWorld), "MPI_Allreduce");
        }

        private static long Count(MpiNativeStatus* status)
        {
            int count;
            return MpiNative.GetCount(status, MpiNative.Byte, &count) == 0 && count >= 0 ? count : 0;
        }

        private static void Check(int rank, bool anyAllowed, int tag, long bytes)
        {
            Init();
            if (rank >= s_size || rank < (anyAllowed ? -1 : 0)) Fail(MpiStatus.RankOutOfRange, rank);
            if (tag < (anyAllowed ? -1 : 0)) Fail(MpiStatus.BadTag, tag);
            CheckCount(bytes);
        }

        private static void CheckCount(long count)
        {
            if (count < 0 || count > int.MaxValue) Fail(MpiStatus.BadCount, count);
        }

        private static void Fail(MpiStatus status, long detail) =>
            throw new MpiException(status, $"Nacre.Mpi: rank {s_rank}: {MpiErrors.Describe(status, detail, s_size)}");
    }
}
