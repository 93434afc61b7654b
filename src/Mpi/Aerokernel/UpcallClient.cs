using System.Threading;
using Nacre.Abi;
using Nacre.Boot;
using Nacre.MpiUpcalls;

namespace Nacre
{
    /// <summary>
    /// The HRT's end of the upcall page (docs/mpi.md): takes a ticket, waits for its slot to be
    /// free, fills the request and publishes it with Seq (release); then waits for Done. Slots are
    /// reused in ticket order, so the host starts requests in the order they were posted (MPI's
    /// message ordering). Allocation-free: every field lives in the page.
    /// </summary>
    internal static unsafe class UpcallClient
    {
        /// <summary>Guest-physical = virtual (identity-mapped): docs/hvm.md's layout table.</summary>
        private const ulong PageAddress = GuestPhysical.UpcallPageAddress;
        private const ulong DoorbellOffset = Hypercalls.UpcallDoorbell;
        private const int SpinsBetweenYields = 64, SpinsBeforeHostYield = 4096;

        public static UpcallHeader* Header => (UpcallHeader*)PageAddress;

        private static UpcallSlot* SlotOf(ulong ticket) =>
            (UpcallSlot*)(PageAddress + UpcallPage.HeaderBytes) + (int)(ticket % UpcallPage.SlotCount);

        /// <summary>Under the HVM with a service attached (its magic is in the page).</summary>
        public static bool Attached => HvmBootInfo.HypercallAddress != 0 && Volatile.Read(ref Header->Magic) == UpcallPage.Magic;

        private static bool Doorbell => (Header->Flags & UpcallPage.FlagDoorbell) != 0;

        private static void Ring(ulong ticket) =>
            Volatile.Write(ref *(ulong*)(HvmBootInfo.HypercallAddress + DoorbellOffset), ticket);

        public static ulong Post(UpcallOp op, MpiType type, MpiOp reduce, int peer, int tag, void* send, void* receive, long count)
        {
            ulong ticket = (ulong)Interlocked.Increment(ref *(long*)&Header->Tail) - 1;
            UpcallSlot* slot = SlotOf(ticket);
            int spins = 0;
            while (Volatile.Read(ref slot->Free) != ticket) Pause(ref spins, MpiWait.Block, ticket);
            slot->Op = (int)op;
            slot->Type = (int)type;
            slot->Reduce = (int)reduce;
            slot->Peer = peer;
            slot->Tag = tag;
            slot->Send = (ulong)send;
            slot->Receive = (ulong)receive;
            slot->Count = count;
            Volatile.Write(ref slot->Seq, ticket + 1);
            if (Doorbell) Ring(ticket);
            return ticket;
        }

        public static bool IsDone(ulong ticket) => Volatile.Read(ref SlotOf(ticket)->Done) == ticket + 1;

        /// <summary>Waits for the ticket's completion, frees its slot and returns its Result (throws on failure).</summary>
        public static long Wait(ulong ticket, MpiWait how)
        {
            UpcallSlot* slot = SlotOf(ticket);
            int spins = 0;
            while (Volatile.Read(ref slot->Done) != ticket + 1) Pause(ref spins, how, ticket);
            long result = slot->Result, detail = slot->Detail;
            Volatile.Write(ref slot->Free, ticket + UpcallPage.SlotCount);
            if (result < 0)
                throw new MpiException((MpiStatus)result, "Nacre.Mpi: rank " + Header->Rank.ToString() + ": " + MpiErrors.Describe((MpiStatus)result, detail, Header->Size));
            return result;
        }

        /// <summary>
        /// One look's pause. Doorbell mode: ring it (the exit is what makes the host progress, and
        /// costs far more than a yield). Thread mode: spin; a blocking waiter lets the CPU's other
        /// threads run every few spins and, once the wait has lasted a while, rings the doorbell
        /// with YieldHost, on which this vCPU's host thread gives its core away (sched_yield): on a
        /// host with fewer cores than busy threads the service thread, or another rank, needs it.
        /// </summary>
        private static void Pause(ref int spins, MpiWait how, ulong ticket)
        {
            bool doorbell = Doorbell;
            if (doorbell) Ring(ticket);
            spins++;
            if (how == MpiWait.Block && (doorbell || spins % SpinsBetweenYields == 0))
            {
                Nacre.Threads.Thread.Yield();
                if (!doorbell && spins >= SpinsBeforeHostYield) Ring(ticket | UpcallPage.YieldHost);
            }
            else if (!doorbell) Nacre.Arch.X64.Processor.Pause();
        }
    }
}
