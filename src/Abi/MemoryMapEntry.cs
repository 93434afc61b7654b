using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>One entry of the boot info's memory map (BootInfoHeader.MemoryMapAddress).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    public struct MemoryMapEntry
    {
        public const uint Available = 1, Reserved = 2;

        [FieldOffset(0)] public ulong Base;
        [FieldOffset(8)] public ulong Length;
        /// <summary>Available or Reserved.</summary>
        [FieldOffset(16)] public uint Type;
        [FieldOffset(20)] public uint Zero;
    }
}
