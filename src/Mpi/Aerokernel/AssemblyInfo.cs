[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("MpiGuest")]
