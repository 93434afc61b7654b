/// <summary>Boots the .NET world: the program given as the first boot module runs with the kernel's arguments.</summary>
public static class Program
{
    public static int Main(string[] args) => Nacre.Personality.DotNetWorld.Run(args);
}
