using Jukebox.Server;

return await JukeboxCommandLine.Create().Parse(args).InvokeAsync();
