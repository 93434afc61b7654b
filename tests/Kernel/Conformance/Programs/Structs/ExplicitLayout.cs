using System.Runtime.InteropServices;

namespace Conformance.Structs
{
    /// <summary>StructLayout explicit unions, fixed buffers, sizeof, and pointers into structs.</summary>
    public static unsafe class ExplicitLayout
    {
        [StructLayout(LayoutKind.Explicit)]
        private struct Union { [FieldOffset(0)] public long L; [FieldOffset(0)] public int Lo; [FieldOffset(4)] public int Hi; [FieldOffset(0)] public double D; }
        private struct Fixed { public fixed byte Bytes[16]; public int Tail; }
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        private struct Packed { public byte A; public int B; }

        public static int Main()
        {
            var u = new Union { L = 0x1_0000_0002 };
            if (u.Lo != 2 || u.Hi != 1) return 1;
            u.D = 1.0;
            if (u.L != 0x3FF0000000000000) return 2;
            var f = new Fixed();
            for (int i = 0; i < 16; i++) f.Bytes[i] = (byte)i;
            f.Tail = 7;
            if (f.Bytes[15] != 15 || sizeof(Fixed) != 20) return 3;
            if (sizeof(Packed) != 5) return 4;
            Packed p;
            byte* b = (byte*)&p;
            p.B = 0x01020304;
            if (b[1] != 4) return 5;
            return 100;
        }
    }
}
