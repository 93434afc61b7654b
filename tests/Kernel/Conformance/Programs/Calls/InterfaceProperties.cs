using System;
using System.Collections.Generic;

namespace Conformance.Calls
{
    /// <summary>Interface properties and indexers, implemented implicitly and explicitly, on classes and structs.</summary>
    public static class InterfaceProperties
    {
        private interface IBox { int Size { get; set; } string this[int i] { get; } }
        private sealed class Box : IBox { public int Size { get; set; } public string this[int i] => "c" + i; }
        private struct SBox : IBox { private int _s; int IBox.Size { get => _s; set => _s = value * 2; } string IBox.this[int i] => "s" + i; }

        private static int Grow<T>(ref T b) where T : IBox { b.Size = b.Size + 1; return b.Size; }

        public static int Main()
        {
            IBox a = new Box();
            a.Size = 5;
            if (a.Size != 5 || a[2] != "c2") return 1;
            var s = new SBox();
            if (Grow(ref s) != 2 || ((IBox)s)[1] != "s1") return 2;
            IBox boxed = s;
            boxed.Size = 10;
            if (boxed.Size != 20) return 3;
            return 100;
        }
    }
}
