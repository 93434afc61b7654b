using System.Threading;
using Nacre.Acpi;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// The IOAPICs listed in the MADT: every input is masked at start-up; a device driver routes
    /// its global system interrupt (GSI) to a vector on one CPU and unmasks it. MMIO registers
    /// (IOREGSEL at +0, IOWIN at +0x10) are identity mapped below 4 GiB.
    /// </summary>
    public static unsafe class IoApic
    {
        private const uint RegVersion = 0x01, RegRedirection = 0x10;
        private const ulong Masked = 1UL << 16, LevelTriggered = 1UL << 15, ActiveLow = 1UL << 13;

        private struct Inputs { public fixed int Count[Madt.MaxIoApics]; }
        private static Inputs s_inputs;
        private static Nacre.Sync.SpinLock s_lock; // IOREGSEL/IOWIN is a two-step access

        public static int Count => Madt.IoApicCount;

        /// <summary>Masks every input of every IOAPIC.</summary>
        public static void Initialize()
        {
            for (int i = 0; i < Madt.IoApicCount; i++)
            {
                int inputs = (int)((Read(i, RegVersion) >> 16) & 0xFF) + 1;
                fixed (Inputs* t = &s_inputs) t->Count[i] = inputs;
                for (int pin = 0; pin < inputs; pin++) WriteEntry(i, pin, Masked);
            }
        }

        /// <summary>
        /// Routes a GSI to vector on the CPU with this APIC id (fixed delivery, physical destination)
        /// and unmasks it. ISA IRQs are edge/active-high unless the MADT overrides them; PCI GSIs
        /// are level/active-low: say so with the flags. False if no IOAPIC serves the GSI.
        /// </summary>
        public static bool Route(uint gsi, int vector, uint apicId, bool levelTriggered = false, bool activeLow = false)
        {
            if (!Find(gsi, out int ioapic, out int pin)) return false;
            ulong entry = (ulong)(byte)vector | ((ulong)apicId << 56);
            if (levelTriggered) entry |= LevelTriggered;
            if (activeLow) entry |= ActiveLow;
            WriteEntry(ioapic, pin, entry);
            return true;
        }

        /// <summary>Routes ISA IRQ 0–15, applying the MADT's source overrides (GSI, polarity, trigger).</summary>
        public static bool RouteIsa(int irq, int vector, uint apicId)
        {
            uint gsi = Madt.IsaIrqToGsi(irq, out ushort flags);
            bool activeLow = (flags & 3) == 3, level = ((flags >> 2) & 3) == 3;
            return Route(gsi, vector, apicId, level, activeLow);
        }

        public static void Mask(uint gsi)
        {
            if (Find(gsi, out int ioapic, out int pin)) WriteEntry(ioapic, pin, ReadEntry(ioapic, pin) | Masked);
        }

        public static void Unmask(uint gsi)
        {
            if (Find(gsi, out int ioapic, out int pin)) WriteEntry(ioapic, pin, ReadEntry(ioapic, pin) & ~Masked);
        }

        private static bool Find(uint gsi, out int ioapic, out int pin)
        {
            for (int i = 0; i < Madt.IoApicCount; i++)
            {
                uint b = Madt.IoApicGsiBase(i);
                int n;
                fixed (Inputs* t = &s_inputs) n = t->Count[i];
                if (gsi >= b && gsi < b + (uint)n) { ioapic = i; pin = (int)(gsi - b); return true; }
            }
            ioapic = pin = 0;
            return false;
        }

        private static ulong ReadEntry(int ioapic, int pin) =>
            Read(ioapic, RegRedirection + (uint)pin * 2) | ((ulong)Read(ioapic, RegRedirection + (uint)pin * 2 + 1) << 32);

        private static void WriteEntry(int ioapic, int pin, ulong value)
        {
            // High half first: the entry is unmasked (if at all) only once the destination is right.
            Write(ioapic, RegRedirection + (uint)pin * 2 + 1, (uint)(value >> 32));
            Write(ioapic, RegRedirection + (uint)pin * 2, (uint)value);
        }

        private static uint Read(int ioapic, uint reg)
        {
            byte* b = (byte*)Madt.IoApicAddress(ioapic);
            ulong flags = s_lock.AcquireIrqSave();
            Volatile.Write(ref *(int*)b, (int)reg);
            uint v = (uint)Volatile.Read(ref *(int*)(b + 0x10));
            s_lock.ReleaseIrqRestore(flags);
            return v;
        }

        private static void Write(int ioapic, uint reg, uint value)
        {
            byte* b = (byte*)Madt.IoApicAddress(ioapic);
            ulong flags = s_lock.AcquireIrqSave();
            Volatile.Write(ref *(int*)b, (int)reg);
            Volatile.Write(ref *(int*)(b + 0x10), (int)value);
            s_lock.ReleaseIrqRestore(flags);
        }
    }
}
