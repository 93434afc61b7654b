using System.Runtime.InteropServices;

namespace Nacre.Abi
{
    /// <summary>One entry of the boot info's module table (BootInfoHeader.ModuleTableAddress): a
    /// file the VMM placed in guest RAM, and its NUL-terminated ASCII name.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    public struct ModuleEntry
    {
        [FieldOffset(0)] public ulong Physical;
        [FieldOffset(8)] public ulong Bytes;
        [FieldOffset(16)] public ulong NameAddress;
    }
}
