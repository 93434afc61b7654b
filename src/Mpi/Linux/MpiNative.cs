using System;
using System.Runtime.InteropServices;

namespace Nacre.MpiUpcalls
{
    /// <summary>Open MPI's MPI_Status (mpi.h): what a completed receive reports.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MpiNativeStatus
    {
        public int Source, Tag, Error, Cancelled;
        public nuint UCount;
    }

    /// <summary>
    /// The C API of Open MPI, called directly: libmpi.so.40 is dlopen'ed with RTLD_GLOBAL first
    /// (Open MPI's plugins are shared objects that resolve libmpi's symbols through the global
    /// namespace; .NET's own loader opens libraries RTLD_LOCAL, and the plugins then fail to
    /// load), then each function is an unmanaged function pointer. Handles (MPI_COMM_WORLD,
    /// MPI_DOUBLE, MPI_SUM, …) are the addresses of Open MPI's predefined objects, as mpi.h's
    /// macros make them.
    /// </summary>
    public static unsafe class MpiNative
    {
        public const string Library = "libmpi.so.40";
        public const int ThreadSerialized = 2, ThreadMultiple = 3;
        public const int AnySource = -1, AnyTag = -1;
        public static readonly nint InPlace = 1;

        private const int RtldNow = 2, RtldGlobal = 0x100;
        private static nint s_library;

        public static nint CommWorld, Byte, Double, Long, Sum, Min, Max, ErrorsReturn;

        public static delegate* unmanaged<int*, byte***, int, int*, int> InitThread;
        public static delegate* unmanaged<int*, int> Initialized;
        public static delegate* unmanaged<int*, int> Finalized;
        public static delegate* unmanaged<int> FinalizeCall;
        public static delegate* unmanaged<nint, int, int> Abort;
        public static delegate* unmanaged<nint, int*, int> CommRank;
        public static delegate* unmanaged<nint, int*, int> CommSize;
        public static delegate* unmanaged<nint, nint, int> CommSetErrhandler;
        public static delegate* unmanaged<void*, int, nint, int, int, nint, nint*, int> Isend;
        public static delegate* unmanaged<void*, int, nint, int, int, nint, nint*, int> Irecv;
        public static delegate* unmanaged<void*, int, nint, int, int, nint, int> Send;
        public static delegate* unmanaged<void*, int, nint, int, int, nint, MpiNativeStatus*, int> Recv;
        public static delegate* unmanaged<nint, nint*, int> Ibarrier;
        public static delegate* unmanaged<nint, int> Barrier;
        public static delegate* unmanaged<void*, int, nint, int, nint, nint*, int> Ibcast;
        public static delegate* unmanaged<void*, int, nint, int, nint, int> Bcast;
        public static delegate* unmanaged<void*, void*, int, nint, nint, nint, nint*, int> Iallreduce;
        public static delegate* unmanaged<void*, void*, int, nint, nint, nint, int> Allreduce;
        public static delegate* unmanaged<void*, int, nint, void*, int, nint, nint, nint*, int> Ialltoall;
        public static delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int> Alltoall;
        public static delegate* unmanaged<nint*, int*, MpiNativeStatus*, int> Test;
        public static delegate* unmanaged<nint*, MpiNativeStatus*, int> Wait;
        public static delegate* unmanaged<MpiNativeStatus*, nint, int*, int> GetCount;
        public static delegate* unmanaged<int, byte*, int*, int> ErrorString;
        public static delegate* unmanaged<double> Wtime;

        [DllImport("libc", EntryPoint = "dlopen")]
        private static extern nint DlOpen(string file, int mode);

        [DllImport("libc", EntryPoint = "dlerror")]
        private static extern nint DlError();

        [DllImport("libc", EntryPoint = "setenv")]
        private static extern int SetEnv(string name, string value, int overwrite);

        /// <summary>Loads libmpi once; throws with the loader's reason if Open MPI is not installed.</summary>
        public static void Load()
        {
            if (s_library != 0) return;
            var handle = DlOpen(Library, RtldNow | RtldGlobal);
            if (handle == 0)
                throw new InvalidOperationException($"cannot load {Library} ({Marshal.PtrToStringUTF8(DlError())}): install Open MPI (scripts/setup.sh installs openmpi-bin and libopenmpi-dev)");
            // Open MPI's own handlers for SIGSEGV/SIGBUS/SIGFPE/SIGILL would replace .NET's, which
            // turns those signals into exceptions (null dereferences): keep .NET's. The variable
            // must be in the C environment, which Environment.SetEnvironmentVariable does not touch.
            SetEnv("OMPI_MCA_opal_signal", "", 0);
            CommWorld = Symbol(handle, "ompi_mpi_comm_world");
            Byte = Symbol(handle, "ompi_mpi_byte");
            Double = Symbol(handle, "ompi_mpi_double");
            Long = Symbol(handle, "ompi_mpi_long");
            Sum = Symbol(handle, "ompi_mpi_op_sum");
            Min = Symbol(handle, "ompi_mpi_op_min");
            Max = Symbol(handle, "ompi_mpi_op_max");
            ErrorsReturn = Symbol(handle, "ompi_mpi_errors_return");
            InitThread = (delegate* unmanaged<int*, byte***, int, int*, int>)Symbol(handle, "MPI_Init_thread");
            Initialized = (delegate* unmanaged<int*, int>)Symbol(handle, "MPI_Initialized");
            Finalized = (delegate* unmanaged<int*, int>)Symbol(handle, "MPI_Finalized");
            FinalizeCall = (delegate* unmanaged<int>)Symbol(handle, "MPI_Finalize");
            Abort = (delegate* unmanaged<nint, int, int>)Symbol(handle, "MPI_Abort");
            CommRank = (delegate* unmanaged<nint, int*, int>)Symbol(handle, "MPI_Comm_rank");
            CommSize = (delegate* unmanaged<nint, int*, int>)Symbol(handle, "MPI_Comm_size");
            CommSetErrhandler = (delegate* unmanaged<nint, nint, int>)Symbol(handle, "MPI_Comm_set_errhandler");
            Isend = (delegate* unmanaged<void*, int, nint, int, int, nint, nint*, int>)Symbol(handle, "MPI_Isend");
            Irecv = (delegate* unmanaged<void*, int, nint, int, int, nint, nint*, int>)Symbol(handle, "MPI_Irecv");
            Send = (delegate* unmanaged<void*, int, nint, int, int, nint, int>)Symbol(handle, "MPI_Send");
            Recv = (delegate* unmanaged<void*, int, nint, int, int, nint, MpiNativeStatus*, int>)Symbol(handle, "MPI_Recv");
            Ibarrier = (delegate* unmanaged<nint, nint*, int>)Symbol(handle, "MPI_Ibarrier");
            Barrier = (delegate* unmanaged<nint, int>)Symbol(handle, "MPI_Barrier");
            Ibcast = (delegate* unmanaged<void*, int, nint, int, nint, nint*, int>)Symbol(handle, "MPI_Ibcast");
            Bcast = (delegate* unmanaged<void*, int, nint, int, nint, int>)Symbol(handle, "MPI_Bcast");
            Iallreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, nint*, int>)Symbol(handle, "MPI_Iallreduce");
            Allreduce = (delegate* unmanaged<void*, void*, int, nint, nint, nint, int>)Symbol(handle, "MPI_Allreduce");
            Ialltoall = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, nint*, int>)Symbol(handle, "MPI_Ialltoall");
            Alltoall = (delegate* unmanaged<void*, int, nint, void*, int, nint, nint, int>)Symbol(handle, "MPI_Alltoall");
            Test = (delegate* unmanaged<nint*, int*, MpiNativeStatus*, int>)Symbol(handle, "MPI_Test");
            Wait = (delegate* unmanaged<nint*, MpiNativeStatus*, int>)Symbol(handle, "MPI_Wait");
            GetCount = (delegate* unmanaged<MpiNativeStatus*, nint, int*, int>)Symbol(handle, "MPI_Get_count");
            ErrorString = (delegate* unmanaged<int, byte*, int*, int>)Symbol(handle, "MPI_Error_string");
            Wtime = (delegate* unmanaged<double>)Symbol(handle, "MPI_Wtime");
            s_library = handle;
        }

        /// <summary>MPI_Init_thread (serialized: one thread at a time calls MPI), errors returned
        /// rather than fatal on MPI_COMM_WORLD; returns the rank and size.</summary>
        public static (int Rank, int Size) Initialize()
        {
            Load();
            int initialized;
            Check(Initialized(&initialized), "MPI_Initialized");
            if (initialized == 0)
            {
                int provided;
                Check(InitThread(null, null, ThreadSerialized, &provided), "MPI_Init_thread");
                Check(CommSetErrhandler(CommWorld, ErrorsReturn), "MPI_Comm_set_errhandler");
            }
            int rank, size;
            Check(CommRank(CommWorld, &rank), "MPI_Comm_rank");
            Check(CommSize(CommWorld, &size), "MPI_Comm_size");
            return (rank, size);
        }

        public static void Finish()
        {
            if (s_library == 0) return;
            int finalized;
            if (Finalized(&finalized) == 0 && finalized == 0) FinalizeCall();
        }

        /// <summary>MPI_Abort on MPI_COMM_WORLD: mpirun ends every rank; this process exits with code.</summary>
        public static void AbortWorld(int code) => Abort(CommWorld, code);

        public static nint TypeHandle(MpiType type) => type switch
        {
            MpiType.Double => Double,
            MpiType.Long => Long,
            _ => Byte,
        };

        public static nint OpHandle(MpiOp op) => op switch { MpiOp.Min => Min, MpiOp.Max => Max, _ => Sum };

        public static void Check(int code, string what)
        {
            if (code != 0) throw new MpiException(MpiStatus.MpiFailed, $"{what} failed: {Describe(code)}");
        }

        /// <summary>MPI's own text for an error code.</summary>
        public static string Describe(int code)
        {
            if (ErrorString == null) return $"MPI error {code}";
            var text = stackalloc byte[256];
            int length = 0;
            return ErrorString(code, text, &length) == 0 ? $"MPI error {code}: {Marshal.PtrToStringUTF8((nint)text, length)}" : $"MPI error {code}";
        }

        private static nint Symbol(nint handle, string name) =>
            NativeLibrary.TryGetExport(handle, name, out var address) ? address
                : throw new InvalidOperationException($"{Library} has no symbol {name}: is it Open MPI 4 or later?");
    }
}
