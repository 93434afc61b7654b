using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Nacre.Timing;

namespace Nacre.Arch.X64
{
    /// <summary>
    /// Starts one application processor with INIT-SIPI-SIPI through the real-mode trampoline of
    /// trampoline.S, copied to TrampolineAddress (0x8000: page 8 of the reserved first MiB).
    /// </summary>
    internal static unsafe class ApStartup
    {
        /// <summary>Physical address of the trampoline; the start-up IPI's vector is its page number.</summary>
        public const ulong TrampolineAddress = 0x8000;

        private const ulong EferMsr = 0xC0000080;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_ap_trampoline")]
        private static extern byte* TrampolineImage();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_ap_trampoline_size")]
        private static extern ulong TrampolineSize();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_ap_params_offset")]
        private static extern ulong ParamsOffset();

        private static byte* Params => (byte*)TrampolineAddress + ParamsOffset();

        /// <summary>Copies the trampoline into low memory and records the BSP's paging state for the APs.</summary>
        public static void Prepare()
        {
            byte* source = TrampolineImage(), target = (byte*)TrampolineAddress;
            ulong size = TrampolineSize();
            if (size > 4096) Nacre.Diagnostics.Panic.Message("AP trampoline larger than its page");
            for (ulong i = 0; i < size; i++) target[i] = source[i];
            byte* p = Params;
            *(ulong*)(p + 0) = Cpu.ReadCr3();
            *(ulong*)(p + 8) = Cpu.ReadCr4();
            *(ulong*)(p + 16) = Cpu.ReadMsr((uint)EferMsr);
        }

        /// <summary>
        /// Starts the CPU with this APIC id as Cpus index `index` on the given stack and GDT, and
        /// waits (up to timeoutNs) until its C# start-up sets *online. False if it never did.
        /// </summary>
        public static bool Start(uint apicId, int index, ulong stackTop, byte* gdtr, int* online, ulong timeoutNs)
        {
            byte* p = Params;
            *(ulong*)(p + 32) = stackTop;
            *(ulong*)(p + 40) = (ulong)index;
            for (int i = 0; i < 10; i++) p[48 + i] = gdtr[i];
            Interlocked.MemoryBarrier();

            byte vector = (byte)(TrampolineAddress >> 12);
            Lapic.SendIpi(apicId, Lapic.IcrInit | Lapic.IcrAssert | Lapic.IcrLevel);
            Time.Delay(10000000);                                   // 10 ms after INIT
            Lapic.SendIpi(apicId, Lapic.IcrStartup | vector);
            Time.Delay(200000);                                     // 200 µs
            if (Volatile.Read(ref *online) == 0) Lapic.SendIpi(apicId, Lapic.IcrStartup | vector); // ignored if already running

            ulong end = Time.NowNs + timeoutNs;
            while (Volatile.Read(ref *online) == 0)
            {
                if (Time.NowNs > end) return false;
                Cpu.Pause();
            }
            return true;
        }
    }
}
