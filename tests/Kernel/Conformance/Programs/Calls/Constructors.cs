using System;
using System.Collections.Generic;

namespace Conformance.Calls
{
    /// <summary>Constructor chaining with this and base, field initialisers order, and readonly fields set in constructors.</summary>
    public static class Constructors
    {
        private static string s_log = "";
        private class Base { protected readonly int Id; public Base(int id) { Id = id; s_log += "B"; } }
        private sealed class Derived : Base
        {
            private readonly string _name = Log("f");
            public Derived() : this("anon") { s_log += "D0"; }
            public Derived(string name) : base(name.Length) { _name = name; s_log += "D1"; }
            public string Describe() => _name + Id;
            private static string Log(string s) { s_log += s; return s; }
        }

        public static int Main()
        {
            var d = new Derived();
            if (d.Describe() != "anon4") return 1;
            if (s_log != "fBD1D0") return 2;
            return 100;
        }
    }
}
