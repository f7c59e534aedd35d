using Jukebox.Server;

return await JukeboxCommandLine.InvokeAsync(args);
