namespace Nacre.Irq
{
    /// <summary>
    /// How the 256 vectors are used. 0–31 are CPU exceptions (Traps); 0x20–0x2F are where the
    /// masked 8259 PICs would deliver (only spurious IRQ 7/15 can arrive there); 0x30–0xEF are
    /// handed out by Interrupts.Allocate to devices and IPIs; the top ones are the kernel's own.
    /// The LAPIC services higher vectors first (priority class = vector / 16).
    /// </summary>
    public static class Vectors
    {
        public const int FirstInterrupt = 32;
        public const int PicSpuriousMaster = 0x27, PicSpuriousSlave = 0x2F;
        public const int FirstAllocatable = 0x30, LastAllocatable = 0xEF;

        /// <summary>LAPIC timer: runs this CPU's timer queue (also sent as an IPI to make a CPU re-read it).</summary>
        public const int Timer = 0xF0;

        /// <summary>Wakes a halted CPU; does nothing else.</summary>
        public const int Kick = 0xF1;

        /// <summary>Events.Notify/Broadcast: run the pending event actions (Events.cs).</summary>
        public const int Event = 0xF2;

        /// <summary>HVM: the host posted a call to this CPU's invoke mailbox (sent when the CPU may be halted).</summary>
        public const int Invoke = Nacre.Abi.InvokeMailbox.WakeVector;

        /// <summary>TLB shootdown: invalidate the translation Memory.TlbShootdown asks for.</summary>
        public const int TlbShootdown = 0xF4;

        /// <summary>Cpus.SynchronizeAll: acknowledge (taking the interrupt is the point).</summary>
        public const int Synchronize = 0xF5;

        /// <summary>LAPIC internal error (LVT error).</summary>
        public const int ApicError = 0xFE;

        /// <summary>LAPIC spurious interrupt: no EOI.</summary>
        public const int Spurious = 0xFF;
    }
}
