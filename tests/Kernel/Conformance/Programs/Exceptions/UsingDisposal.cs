using System;
using System.Collections.Generic;

namespace Conformance.Exceptions
{
    /// <summary>using and foreach dispose their resources when an exception leaves the block.</summary>
    public static class UsingDisposal
    {
        private static string s_log = "";
        private sealed class Res : IDisposable { private readonly string _n; public Res(string n) { _n = n; } public void Dispose() => s_log += "d" + _n; }
        private static IEnumerable<int> Items() { try { yield return 1; yield return 2; } finally { s_log += "F"; } }

        public static int Main()
        {
            try { using (new Res("1")) using (var r2 = new Res("2")) throw new Exception(); }
            catch (Exception) { s_log += "c"; }
            if (s_log != "d2d1c") return 1;
            s_log = "";
            try { foreach (int x in Items()) if (x == 1) throw new InvalidOperationException(); }
            catch (InvalidOperationException) { s_log += "c"; }
            if (s_log != "Fc") return 2;
            return 100;
        }
    }
}
