using Nacre.Arch.X64;

namespace Nacre.Boot
{
    /// <summary>
    /// What the kernel runs on and at which privilege, for HRTs that report it (benchmarks): booted
    /// by Nacre's VMM or by a multiboot loader, the C# at CPL 0 or deprivileged at CPL 3 (see
    /// docs/hvm.md), and the hypervisor's CPUID signature ("TCGTCGTCGTCG" for QEMU's TCG,
    /// "KVMKVMKVM" for KVM, "" on bare metal). Read-only; the kernel itself never branches on it
    /// outside arch/x64.
    /// </summary>
    public static class Machine
    {
        /// <summary>Booted by Nacre's HVM through nacre_hvm_entry.</summary>
        public static bool IsHvm => Platform.IsHvm;

        /// <summary>The kernel's C# runs at CPL 3 (deprivileged mode).</summary>
        public static bool Deprivileged => Platform.Deprivileged;

        /// <summary>The CPUID hypervisor vendor signature (leaf 0x40000000), or "" when CPUID reports no hypervisor.</summary>
        public static string Hypervisor
        {
            get
            {
                if ((Cpu.Cpuid(1).Ecx & (1u << 31)) == 0) return "";
                CpuidResult r = Cpu.Cpuid(0x40000000);
                var text = new System.Text.StringBuilder();
                Append(text, r.Ebx); Append(text, r.Ecx); Append(text, r.Edx);
                return text.ToString();
            }
        }

        /// <summary>
        /// One word for the execution mode: "hvm-ring0", "hvm-deprivileged", "qemu-tcg-ring0",
        /// "qemu-tcg-deprivileged", "kvm-ring0" (QEMU or another VMM over KVM), "bare-metal-ring0",
        /// or "&lt;signature&gt;-ring0" under another hypervisor.
        /// </summary>
        public static string Mode
        {
            get
            {
                string privilege = Deprivileged ? "deprivileged" : "ring0";
                if (IsHvm) return "hvm-" + privilege;
                string hypervisor = Hypervisor;
                string where = hypervisor == "TCGTCGTCGTCG" ? "qemu-tcg"
                    : hypervisor.StartsWith("KVMKVMKVM") ? "kvm"
                    : hypervisor.Length == 0 ? "bare-metal" : hypervisor;
                return where + "-" + privilege;
            }
        }

        private static void Append(System.Text.StringBuilder text, uint word)
        {
            for (int i = 0; i < 4; i++)
            {
                char c = (char)((word >> (8 * i)) & 0xFF);
                if (c >= ' ' && c < 127) text.Append(c);
            }
        }
    }
}
