using System;
using System.Collections.Generic;

namespace Conformance.Exceptions
{
    /// <summary>Library methods throw the documented exception types, and they can be caught and inspected.</summary>
    public static class LibraryExceptions
    {
        public static int Main()
        {
            try { new List<int>()[0] = 1; return 1; } catch (ArgumentOutOfRangeException) { }
            try { _ = new Dictionary<string, int>()["missing"]; return 2; } catch (KeyNotFoundException) { }
            try { new Stack<int>().Pop(); return 3; } catch (InvalidOperationException) { }
            try { _ = "abc".Substring(5); return 4; } catch (ArgumentOutOfRangeException) { }
            try { int.Parse("x1"); return 5; } catch (FormatException) { }
            try { int? n = null; _ = n.Value; return 6; } catch (InvalidOperationException) { }
            try { throw new NotImplementedException("later"); } catch (Exception e) when (e.Message == "later") { }
            return 100;
        }
    }
}
