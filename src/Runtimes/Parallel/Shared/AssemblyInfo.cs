// The in-kernel tests exercise the deque and the loop engine directly.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Runtime.Tests")]
