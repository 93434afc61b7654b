using System;
using System.Runtime.InteropServices;
using System.Threading;
using Nacre.Hvm;

namespace Nacre.MpiUpcalls
{
    /// <summary>How the service learns of requests: a thread of its own polls the page, or the
    /// HRT's doorbell exits run it on the storing vCPU's host thread (docs/mpi.md measures both).</summary>
    public enum MpiUpcallMode { Thread, Doorbell }

    /// <summary>
    /// Runs an HRT's MPI upcalls in its Linux process with Open MPI (docs/mpi.md). Requests are
    /// taken in ticket order and started as nonblocking MPI calls (MPI_Isend, MPI_Iallreduce, …),
    /// so that nothing ever blocks the service: a Recv waiting for its message does not hold up a
    /// Send posted after it by another HRT thread. MPI_Test on the started ones drives MPI's
    /// progress and completes their slots. One thread at a time calls MPI (MPI_THREAD_SERIALIZED).
    /// </summary>
    public sealed unsafe class MpiUpcallService : IHrtUpcalls
    {
        private const int IdleSpinsBeforeYield = 2_000, IdleSpinsBeforeSleep = 20_000, PendingTestsBeforeYield = 200;

        private readonly MpiUpcallMode _mode;
        private readonly int _rank, _size;
        private readonly Action<string> _error;
        private readonly object _lock = new();
        private HrtUpcallContext _context;
        private UpcallHeader* _header;
        private UpcallSlot* _slots;
        private nint* _requests;           // per slot index: the MPI_Request it waits for
        private uint _pending;             // bit i: slot i has a started, unfinished request
        private ulong _head;               // the next ticket to start
        private Thread _thread;
        private volatile bool _stop;

        /// <param name="error">Called with one line for every request the service refuses or MPI fails.</param>
        public MpiUpcallService(int rank, int size, MpiUpcallMode mode, Action<string> error)
        {
            _rank = rank;
            _size = size;
            _mode = mode;
            _error = error;
        }

        /// <summary>Requests completed so far (successfully or not).</summary>
        public long Completed { get; private set; }

        public void Attach(HrtUpcallContext context)
        {
            if (UpcallPage.SlotCount > 32) throw new InvalidOperationException("the pending mask holds 32 slots");
            _context = context;
            _header = (UpcallHeader*)context.Page;
            _slots = (UpcallSlot*)(context.Page + UpcallPage.HeaderBytes);
            _requests = (nint*)NativeMemory.AllocZeroed((nuint)(UpcallPage.SlotCount * sizeof(nint)));
            for (int i = 0; i < UpcallPage.SlotCount; i++) _slots[i].Free = (ulong)i;
            _header->Rank = _rank;
            _header->Size = _size;
            _header->SlotCount = UpcallPage.SlotCount;
            _header->Flags = _mode == MpiUpcallMode.Doorbell ? UpcallPage.FlagDoorbell : 0;
            Volatile.Write(ref _header->Magic, UpcallPage.Magic);
            if (_mode == MpiUpcallMode.Thread)
            {
                _thread = new Thread(Serve) { IsBackground = true, Name = "MPI upcalls" };
                _thread.Start();
            }
        }

        public void Doorbell(int cpu, ulong value)
        {
            if (_mode == MpiUpcallMode.Doorbell)
                lock (_lock) Progress();
            else if ((value & UpcallPage.YieldHost) != 0)
                Thread.Yield();
            else
                throw new InvalidOperationException($"vCPU {cpu} rang the MPI doorbell with 0x{value:X}, but the service polls the page itself (only YieldHost means something then)");
        }

        public void Detach()
        {
            _stop = true;
            _thread?.Join();
            if (_requests != null) NativeMemory.Free(_requests);
            _requests = null;
        }

        private void Serve()
        {
            int idle = 0, waiting = 0;
            while (!_stop)
            {
                bool progressed, pending;
                lock (_lock) { progressed = Progress(); pending = _pending != 0; }
                if (progressed) { idle = waiting = 0; continue; }
                if (pending)
                {
                    // A request waits for another rank: keep testing, but let other threads have
                    // the core between tests once it has waited a while (the other rank may need it).
                    idle = 0;
                    if (++waiting > PendingTestsBeforeYield) Thread.Yield();
                    continue;
                }
                if (++idle < IdleSpinsBeforeYield) Thread.SpinWait(20);
                else if (idle < IdleSpinsBeforeSleep) Thread.Yield();
                else Usleep(50);   // a long quiet spell (the HRT computes): give the core back
            }
        }

        [DllImport("libc", EntryPoint = "usleep")]
        private static extern int Usleep(uint microseconds);

        /// <summary>Starts every newly posted request and tests the started ones; true if anything happened.</summary>
        private bool Progress()
        {
            bool any = false;
            while (true)
            {
                var slot = _slots + (int)(_head % UpcallPage.SlotCount);
                if (Volatile.Read(ref slot->Seq) != _head + 1) break;
                Start(slot, (int)(_head % UpcallPage.SlotCount));
                _head++;
                any = true;
            }
            for (uint mask = _pending; mask != 0; mask &= mask - 1)
            {
                int index = System.Numerics.BitOperations.TrailingZeroCount(mask);
                int flag;
                MpiNativeStatus status;
                int code = MpiNative.Test(_requests + index, &flag, &status);
                if (code != 0) { _pending &= ~(1u << index); Fail(_slots + index, MpiStatus.MpiFailed, code); any = true; continue; }
                if (flag == 0) continue;
                _pending &= ~(1u << index);
                var slot = _slots + index;
                long result = 0, detail = 0;
                if (slot->Op == (int)UpcallOp.Receive)
                {
                    int count;
                    MpiNative.GetCount(&status, MpiNative.Byte, &count);
                    result = count;
                    detail = status.Source;
                }
                Complete(slot, result, detail);
                any = true;
            }
            return any;
        }

        private void Start(UpcallSlot* slot, int index)
        {
            var op = (UpcallOp)slot->Op;
            var problem = Validate(slot, out long detail);
            if (problem != MpiStatus.Ok) { Fail(slot, problem, detail); return; }
            int count = (int)slot->Count;
            void* send = (void*)slot->Send, receive = (void*)slot->Receive;
            nint world = MpiNative.CommWorld;
            nint* request = _requests + index;
            int code = op switch
            {
                UpcallOp.Send => MpiNative.Isend(send, count, MpiNative.Byte, slot->Peer, slot->Tag, world, request),
                UpcallOp.Receive => MpiNative.Irecv(receive, count, MpiNative.Byte, slot->Peer, slot->Tag, world, request),
                UpcallOp.Barrier => MpiNative.Ibarrier(world, request),
                UpcallOp.Broadcast => MpiNative.Ibcast(receive, count, MpiNative.Byte, slot->Peer, world, request),
                UpcallOp.Allreduce => MpiNative.Iallreduce(send == receive ? (void*)MpiNative.InPlace : send, receive, count,
                    MpiNative.TypeHandle((MpiType)slot->Type), MpiNative.OpHandle((MpiOp)slot->Reduce), world, request),
                _ => MpiNative.Ialltoall(send, count, MpiNative.Byte, receive, count, MpiNative.Byte, world, request),
            };
            if (code != 0) Fail(slot, MpiStatus.MpiFailed, code);
            else _pending |= 1u << index;
        }

        /// <summary>The host's own check of a request: the HRT's library checks the same, but the
        /// page is the HRT's to write, so nothing it says is trusted.</summary>
        private MpiStatus Validate(UpcallSlot* slot, out long detail)
        {
            var op = (UpcallOp)slot->Op;
            long count = slot->Count;
            detail = slot->Op;
            if (op < UpcallOp.Send || op > UpcallOp.Alltoall || (uint)slot->Type > (uint)MpiType.Long) return MpiStatus.BadOperation;
            if (op == UpcallOp.Allreduce && (uint)slot->Reduce > (uint)MpiOp.Max) { detail = slot->Reduce; return MpiStatus.BadOperation; }
            detail = count;
            if (count < 0 || count > int.MaxValue) return MpiStatus.BadCount;
            bool anySource = op == UpcallOp.Receive;
            if (op is UpcallOp.Send or UpcallOp.Receive or UpcallOp.Broadcast)
            {
                detail = slot->Peer;
                if (slot->Peer >= _size || slot->Peer < (anySource ? -1 : 0)) return MpiStatus.RankOutOfRange;
            }
            if (op is UpcallOp.Send or UpcallOp.Receive)
            {
                detail = slot->Tag;
                if (slot->Tag < (anySource ? -1 : 0)) return MpiStatus.BadTag;
            }
            long bytes = op switch
            {
                UpcallOp.Allreduce => count * 8,
                UpcallOp.Alltoall => count * _size,
                UpcallOp.Barrier => 0,
                _ => count,
            };
            bool needsSend = op is UpcallOp.Send or UpcallOp.Allreduce or UpcallOp.Alltoall;
            bool needsReceive = op is UpcallOp.Receive or UpcallOp.Broadcast or UpcallOp.Allreduce or UpcallOp.Alltoall;
            if (bytes > 0 && needsSend && !_context.InArena(slot->Send, (ulong)bytes)) { detail = (long)slot->Send; return MpiStatus.BufferOutsideArena; }
            if (bytes > 0 && needsReceive && !_context.InArena(slot->Receive, (ulong)bytes)) { detail = (long)slot->Receive; return MpiStatus.BufferOutsideArena; }
            return MpiStatus.Ok;
        }

        private void Fail(UpcallSlot* slot, MpiStatus status, long detail)
        {
            var reason = status == MpiStatus.MpiFailed ? MpiNative.Describe((int)detail) : MpiErrors.Describe(status, detail, _size);
            _error($"rank {_rank}: MPI upcall {(UpcallOp)slot->Op} (ticket {slot->Seq - 1}) failed: {reason}");
            Complete(slot, (long)status, detail);
        }

        private void Complete(UpcallSlot* slot, long result, long detail)
        {
            slot->Result = result;
            slot->Detail = detail;
            Volatile.Write(ref slot->Done, slot->Seq);
            Completed++;
        }
    }
}
