CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "Albums" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Albums" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "AlbumType" TEXT NOT NULL,
    "ReleaseDate" TEXT NOT NULL,
    "ReleaseDatePrecision" TEXT NOT NULL,
    "Label" TEXT NOT NULL,
    "Upc" TEXT NOT NULL,
    "Ean" TEXT NULL,
    "Popularity" INTEGER NOT NULL,
    "Genres" TEXT NOT NULL,
    "AvailableMarkets" TEXT NOT NULL,
    "CopyrightText" TEXT NOT NULL,
    "PhonogramText" TEXT NOT NULL
);

CREATE TABLE "Artists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Artists" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Popularity" INTEGER NOT NULL,
    "Followers" INTEGER NOT NULL,
    "Genres" TEXT NOT NULL
);

CREATE TABLE "Audiobooks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Audiobooks" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Authors" TEXT NOT NULL,
    "Narrators" TEXT NOT NULL,
    "Publisher" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "HtmlDescription" TEXT NOT NULL,
    "Edition" TEXT NULL,
    "Explicit" INTEGER NOT NULL,
    "Languages" TEXT NOT NULL,
    "MediaType" TEXT NOT NULL,
    "AvailableMarkets" TEXT NOT NULL,
    "CopyrightText" TEXT NOT NULL
);

CREATE TABLE "Categories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Position" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "OpenIddictApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictApplications" PRIMARY KEY,
    "ApplicationType" TEXT NULL,
    "ClientId" TEXT NULL,
    "ClientSecret" TEXT NULL,
    "ClientType" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "ConsentType" TEXT NULL,
    "DisplayName" TEXT NULL,
    "DisplayNames" TEXT NULL,
    "JsonWebKeySet" TEXT NULL,
    "Permissions" TEXT NULL,
    "PostLogoutRedirectUris" TEXT NULL,
    "Properties" TEXT NULL,
    "RedirectUris" TEXT NULL,
    "Requirements" TEXT NULL,
    "Settings" TEXT NULL
);

CREATE TABLE "OpenIddictScopes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictScopes" PRIMARY KEY,
    "ConcurrencyToken" TEXT NULL,
    "Description" TEXT NULL,
    "Descriptions" TEXT NULL,
    "DisplayName" TEXT NULL,
    "DisplayNames" TEXT NULL,
    "Name" TEXT NULL,
    "Properties" TEXT NULL,
    "Resources" TEXT NULL
);

CREATE TABLE "Shows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Shows" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Publisher" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "HtmlDescription" TEXT NOT NULL,
    "Explicit" INTEGER NOT NULL,
    "Languages" TEXT NOT NULL,
    "MediaType" TEXT NOT NULL,
    "IsExternallyHosted" INTEGER NOT NULL,
    "AvailableMarkets" TEXT NOT NULL,
    "CopyrightText" TEXT NOT NULL
);

CREATE TABLE "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "Country" TEXT NOT NULL,
    "Product" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "ExplicitFilterEnabled" INTEGER NOT NULL,
    "ExplicitFilterLocked" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "Tracks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tracks" PRIMARY KEY,
    "AlbumId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DiscNumber" INTEGER NOT NULL,
    "TrackNumber" INTEGER NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Explicit" INTEGER NOT NULL,
    "Isrc" TEXT NOT NULL,
    "PreviewUrl" TEXT NULL,
    "Popularity" INTEGER NOT NULL,
    "AvailableMarkets" TEXT NULL,
    "Features_Acousticness" REAL NOT NULL,
    "Features_Danceability" REAL NOT NULL,
    "Features_Energy" REAL NOT NULL,
    "Features_Instrumentalness" REAL NOT NULL,
    "Features_Key" INTEGER NOT NULL,
    "Features_Liveness" REAL NOT NULL,
    "Features_Loudness" REAL NOT NULL,
    "Features_Mode" INTEGER NOT NULL,
    "Features_Speechiness" REAL NOT NULL,
    "Features_Tempo" REAL NOT NULL,
    "Features_TimeSignature" INTEGER NOT NULL,
    "Features_Valence" REAL NOT NULL,
    CONSTRAINT "FK_Tracks_Albums_AlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Albums" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AlbumArtists" (
    "AlbumId" TEXT NOT NULL,
    "ArtistId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "PK_AlbumArtists" PRIMARY KEY ("AlbumId", "ArtistId"),
    CONSTRAINT "FK_AlbumArtists_Albums_AlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Albums" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AlbumArtists_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Chapters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Chapters" PRIMARY KEY,
    "AudiobookId" TEXT NOT NULL,
    "ChapterNumber" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "HtmlDescription" TEXT NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Explicit" INTEGER NOT NULL,
    "Languages" TEXT NOT NULL,
    "ReleaseDate" TEXT NOT NULL,
    "ReleaseDatePrecision" TEXT NOT NULL,
    "AudioPreviewUrl" TEXT NULL,
    CONSTRAINT "FK_Chapters_Audiobooks_AudiobookId" FOREIGN KEY ("AudiobookId") REFERENCES "Audiobooks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CategoryNames" (
    "CategoryId" TEXT NOT NULL,
    "Locale" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    CONSTRAINT "PK_CategoryNames" PRIMARY KEY ("CategoryId", "Locale"),
    CONSTRAINT "FK_CategoryNames_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OpenIddictAuthorizations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictAuthorizations" PRIMARY KEY,
    "ApplicationId" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "CreationDate" TEXT NULL,
    "Properties" TEXT NULL,
    "Scopes" TEXT NULL,
    "Status" TEXT NULL,
    "Subject" TEXT NULL,
    "Type" TEXT NULL,
    CONSTRAINT "FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id")
);

CREATE TABLE "Episodes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Episodes" PRIMARY KEY,
    "ShowId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "HtmlDescription" TEXT NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Explicit" INTEGER NOT NULL,
    "Languages" TEXT NOT NULL,
    "ReleaseDate" TEXT NOT NULL,
    "ReleaseDatePrecision" TEXT NOT NULL,
    "AudioPreviewUrl" TEXT NULL,
    "IsExternallyHosted" INTEGER NOT NULL,
    CONSTRAINT "FK_Episodes_Shows_ShowId" FOREIGN KEY ("ShowId") REFERENCES "Shows" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Playlists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Playlists" PRIMARY KEY,
    "OwnerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Public" INTEGER NOT NULL,
    "Collaborative" INTEGER NOT NULL,
    "SnapshotId" TEXT NOT NULL,
    "FeaturedPosition" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Playlists_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrackArtists" (
    "TrackId" TEXT NOT NULL,
    "ArtistId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "PK_TrackArtists" PRIMARY KEY ("TrackId", "ArtistId"),
    CONSTRAINT "FK_TrackArtists_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_TrackArtists_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OpenIddictTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OpenIddictTokens" PRIMARY KEY,
    "ApplicationId" TEXT NULL,
    "AuthorizationId" TEXT NULL,
    "ConcurrencyToken" TEXT NULL,
    "CreationDate" TEXT NULL,
    "ExpirationDate" TEXT NULL,
    "Payload" TEXT NULL,
    "Properties" TEXT NULL,
    "RedemptionDate" TEXT NULL,
    "ReferenceId" TEXT NULL,
    "Status" TEXT NULL,
    "Subject" TEXT NULL,
    "Type" TEXT NULL,
    CONSTRAINT "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "OpenIddictApplications" ("Id"),
    CONSTRAINT "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId" FOREIGN KEY ("AuthorizationId") REFERENCES "OpenIddictAuthorizations" ("Id")
);

CREATE TABLE "CategoryPlaylists" (
    "CategoryId" TEXT NOT NULL,
    "PlaylistId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    CONSTRAINT "PK_CategoryPlaylists" PRIMARY KEY ("CategoryId", "PlaylistId"),
    CONSTRAINT "FK_CategoryPlaylists_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CategoryPlaylists_Playlists_PlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlaylistItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlaylistItems" PRIMARY KEY AUTOINCREMENT,
    "PlaylistId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "TrackId" TEXT NULL,
    "EpisodeId" TEXT NULL,
    "LocalUri" TEXT NULL,
    "AddedAt" INTEGER NOT NULL,
    "AddedById" TEXT NULL,
    CONSTRAINT "FK_PlaylistItems_Episodes_EpisodeId" FOREIGN KEY ("EpisodeId") REFERENCES "Episodes" ("Id"),
    CONSTRAINT "FK_PlaylistItems_Playlists_PlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlaylistItems_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id"),
    CONSTRAINT "FK_PlaylistItems_Users_AddedById" FOREIGN KEY ("AddedById") REFERENCES "Users" ("Id")
);

CREATE INDEX "IX_AlbumArtists_ArtistId" ON "AlbumArtists" ("ArtistId");

CREATE INDEX "IX_Albums_ReleaseDate" ON "Albums" ("ReleaseDate");

CREATE INDEX "IX_Albums_Upc" ON "Albums" ("Upc");

CREATE INDEX "IX_CategoryPlaylists_PlaylistId" ON "CategoryPlaylists" ("PlaylistId");

CREATE INDEX "IX_Chapters_AudiobookId_ChapterNumber" ON "Chapters" ("AudiobookId", "ChapterNumber");

CREATE INDEX "IX_Episodes_ShowId_Number" ON "Episodes" ("ShowId", "Number");

CREATE UNIQUE INDEX "IX_OpenIddictApplications_ClientId" ON "OpenIddictApplications" ("ClientId");

CREATE INDEX "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type" ON "OpenIddictAuthorizations" ("ApplicationId", "Status", "Subject", "Type");

CREATE UNIQUE INDEX "IX_OpenIddictScopes_Name" ON "OpenIddictScopes" ("Name");

CREATE INDEX "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type" ON "OpenIddictTokens" ("ApplicationId", "Status", "Subject", "Type");

CREATE INDEX "IX_OpenIddictTokens_AuthorizationId" ON "OpenIddictTokens" ("AuthorizationId");

CREATE UNIQUE INDEX "IX_OpenIddictTokens_ReferenceId" ON "OpenIddictTokens" ("ReferenceId");

CREATE INDEX "IX_PlaylistItems_AddedById" ON "PlaylistItems" ("AddedById");

CREATE INDEX "IX_PlaylistItems_EpisodeId" ON "PlaylistItems" ("EpisodeId");

CREATE INDEX "IX_PlaylistItems_PlaylistId_Position" ON "PlaylistItems" ("PlaylistId", "Position");

CREATE INDEX "IX_PlaylistItems_TrackId" ON "PlaylistItems" ("TrackId");

CREATE INDEX "IX_Playlists_FeaturedPosition" ON "Playlists" ("FeaturedPosition");

CREATE INDEX "IX_Playlists_OwnerId" ON "Playlists" ("OwnerId");

CREATE INDEX "IX_TrackArtists_ArtistId" ON "TrackArtists" ("ArtistId");

CREATE INDEX "IX_Tracks_AlbumId" ON "Tracks" ("AlbumId");

CREATE INDEX "IX_Tracks_Isrc" ON "Tracks" ("Isrc");

CREATE UNIQUE INDEX "IX_Users_NormalizedEmail" ON "Users" ("NormalizedEmail");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123182340_Initial', '10.0.14');

ALTER TABLE "Users" ADD "FailedSignIns" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Users" ADD "LockedUntil" INTEGER NULL;

CREATE TABLE "DeveloperApps" (
    "ClientId" TEXT NOT NULL CONSTRAINT "PK_DeveloperApps" PRIMARY KEY,
    "OwnerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Website" TEXT NULL,
    "QuotaMode" TEXT NOT NULL,
    "AllowImplicitGrant" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SecretRotatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_DeveloperApps_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DeveloperAppUsers" (
    "ClientId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "AddedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_DeveloperAppUsers" PRIMARY KEY ("ClientId", "UserId"),
    CONSTRAINT "FK_DeveloperAppUsers_DeveloperApps_ClientId" FOREIGN KEY ("ClientId") REFERENCES "DeveloperApps" ("ClientId") ON DELETE CASCADE,
    CONSTRAINT "FK_DeveloperAppUsers_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_DeveloperAppUsers_UserId" ON "DeveloperAppUsers" ("UserId");

CREATE INDEX "IX_DeveloperApps_OwnerId" ON "DeveloperApps" ("OwnerId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123184356_DeveloperApps', '10.0.14');

CREATE TABLE "AppRequestCounts" (
    "ClientId" TEXT NOT NULL,
    "BucketStart" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    CONSTRAINT "PK_AppRequestCounts" PRIMARY KEY ("ClientId", "BucketStart")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123190825_AppRequestCounts', '10.0.14');

CREATE TABLE "ArtistFollows" (
    "UserId" TEXT NOT NULL,
    "ArtistId" TEXT NOT NULL,
    "FollowedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_ArtistFollows" PRIMARY KEY ("UserId", "ArtistId"),
    CONSTRAINT "FK_ArtistFollows_Artists_ArtistId" FOREIGN KEY ("ArtistId") REFERENCES "Artists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ArtistFollows_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SavedItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SavedItems" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ItemType" TEXT NOT NULL,
    "ItemId" TEXT NOT NULL,
    "AddedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_SavedItems_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "UserFollows" (
    "FollowerId" TEXT NOT NULL,
    "FolloweeId" TEXT NOT NULL,
    "FollowedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_UserFollows" PRIMARY KEY ("FollowerId", "FolloweeId"),
    CONSTRAINT "FK_UserFollows_Users_FolloweeId" FOREIGN KEY ("FolloweeId") REFERENCES "Users" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_UserFollows_Users_FollowerId" FOREIGN KEY ("FollowerId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "UserImages" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_UserImages" PRIMARY KEY,
    "ImageId" TEXT NOT NULL,
    "Large" BLOB NOT NULL,
    "Small" BLOB NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_UserImages_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ArtistFollows_ArtistId" ON "ArtistFollows" ("ArtistId");

CREATE INDEX "IX_SavedItems_UserId_ItemType_AddedAt_Id" ON "SavedItems" ("UserId", "ItemType", "AddedAt", "Id");

CREATE UNIQUE INDEX "IX_SavedItems_UserId_ItemType_ItemId" ON "SavedItems" ("UserId", "ItemType", "ItemId");

CREATE INDEX "IX_UserFollows_FolloweeId" ON "UserFollows" ("FolloweeId");

CREATE UNIQUE INDEX "IX_UserImages_ImageId" ON "UserImages" ("ImageId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123211900_FollowsAndLibrary', '10.0.14');

CREATE TABLE "EpisodeResumePoints" (
    "UserId" TEXT NOT NULL,
    "EpisodeId" TEXT NOT NULL,
    "ResumePositionMs" INTEGER NOT NULL,
    "FullyPlayed" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_EpisodeResumePoints" PRIMARY KEY ("UserId", "EpisodeId"),
    CONSTRAINT "FK_EpisodeResumePoints_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlayHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlayHistory" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "TrackId" TEXT NOT NULL,
    "ContextUri" TEXT NULL,
    "PlayedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PlayHistory_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlayerDevices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlayerDevices" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "VolumePercent" INTEGER NULL,
    "SupportsVolume" INTEGER NOT NULL,
    "IsRestricted" INTEGER NOT NULL,
    "IsPrivateSession" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastActiveAt" INTEGER NULL,
    "ExpiresAt" INTEGER NULL,
    CONSTRAINT "FK_PlayerDevices_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlayerSessions" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_PlayerSessions" PRIMARY KEY,
    "DeviceId" TEXT NULL,
    "ContextUri" TEXT NULL,
    "ContextItems" TEXT NOT NULL,
    "PlayOrder" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "CurrentUri" TEXT NULL,
    "CurrentFromQueue" INTEGER NOT NULL,
    "Queue" TEXT NOT NULL,
    "IsPlaying" INTEGER NOT NULL,
    "ProgressMs" INTEGER NOT NULL,
    "ListenedMs" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "RepeatState" TEXT NOT NULL,
    "ShuffleState" INTEGER NOT NULL,
    "ClockOffsetMs" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL,
    CONSTRAINT "FK_PlayerSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PlayHistory_UserId_PlayedAt" ON "PlayHistory" ("UserId", "PlayedAt");

CREATE INDEX "IX_PlayerDevices_UserId" ON "PlayerDevices" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123214855_Player', '10.0.14');

ALTER TABLE "Playlists" ADD "CoverAlbumIds" TEXT NULL;

ALTER TABLE "Playlists" ADD "CoverDepth" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Playlists" ADD "CustomImageKey" TEXT NULL;

ALTER TABLE "Playlists" ADD "ItemCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Playlists" ADD "Version" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "PlaylistItems" ADD "AddedInVersion" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "PlaylistChanges" (
    "PlaylistId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Index" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    "Indices" TEXT NULL,
    "ItemCountAfter" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "UserId" TEXT NULL,
    CONSTRAINT "PK_PlaylistChanges" PRIMARY KEY ("PlaylistId", "Version"),
    CONSTRAINT "FK_PlaylistChanges_Playlists_PlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlists" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlaylistFollows" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlaylistFollows" PRIMARY KEY AUTOINCREMENT,
    "PlaylistId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Public" INTEGER NOT NULL,
    "FollowedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PlaylistFollows_Playlists_PlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlists" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlaylistFollows_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlaylistImages" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_PlaylistImages" PRIMARY KEY,
    "PlaylistId" TEXT NOT NULL,
    "Jpeg" BLOB NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PlaylistImages_Playlists_PlaylistId" FOREIGN KEY ("PlaylistId") REFERENCES "Playlists" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PlaylistFollows_PlaylistId" ON "PlaylistFollows" ("PlaylistId");

CREATE UNIQUE INDEX "IX_PlaylistFollows_UserId_PlaylistId" ON "PlaylistFollows" ("UserId", "PlaylistId");

CREATE INDEX "IX_PlaylistImages_PlaylistId" ON "PlaylistImages" ("PlaylistId");

UPDATE "Playlists" SET "ItemCount" = (SELECT COUNT(*) FROM "PlaylistItems" AS i WHERE i."PlaylistId" = "Playlists"."Id");
INSERT INTO "PlaylistFollows" ("PlaylistId", "UserId", "Public", "FollowedAt")
    SELECT "Id", "OwnerId", "Public", "CreatedAt" FROM "Playlists" ORDER BY "CreatedAt", "Id";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261123221137_UserPlaylists', '10.0.14');

ALTER TABLE "AppRequestCounts" ADD "ClientErrors" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AppRequestCounts" ADD "RateLimited" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AppRequestCounts" ADD "ServerErrors" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "FaultRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FaultRules" PRIMARY KEY,
    "ClientId" TEXT NULL,
    "UserId" TEXT NULL,
    "Method" TEXT NULL,
    "Path" TEXT NOT NULL,
    "Status" INTEGER NULL,
    "RetryAfter" INTEGER NULL,
    "LatencyMs" INTEGER NULL,
    "ResetConnection" INTEGER NOT NULL,
    "Probability" REAL NOT NULL,
    "Remaining" INTEGER NULL,
    "ExpiresAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206044235_FaultsAndRequestOutcomes', '10.0.14');

CREATE TABLE "ServerClockOffsets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServerClockOffsets" PRIMARY KEY,
    "OffsetMilliseconds" INTEGER NOT NULL
);

INSERT INTO "ServerClockOffsets" ("Id", "OffsetMilliseconds")
VALUES (1, 0);
SELECT changes();


INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206072603_ServerClock', '10.0.14');

ALTER TABLE "DeveloperApps" ADD "ApiProfile" TEXT NOT NULL DEFAULT 'full';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206074437_ApiProfiles', '10.0.14');

CREATE TABLE "AlbumCovers" (
    "AlbumId" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Jpeg" BLOB NOT NULL,
    CONSTRAINT "PK_AlbumCovers" PRIMARY KEY ("AlbumId", "Size"),
    CONSTRAINT "FK_AlbumCovers_Albums_AlbumId" FOREIGN KEY ("AlbumId") REFERENCES "Albums" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TrackAudioFiles" (
    "TrackId" TEXT NOT NULL CONSTRAINT "PK_TrackAudioFiles" PRIMARY KEY,
    "Path" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "MediaStart" INTEGER NOT NULL,
    "MediaEnd" INTEGER NOT NULL,
    CONSTRAINT "FK_TrackAudioFiles_Tracks_TrackId" FOREIGN KEY ("TrackId") REFERENCES "Tracks" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206132859_ImportedAudioFiles', '10.0.14');

ALTER TABLE "Shows" ADD "Images" TEXT NULL;

ALTER TABLE "Episodes" ADD "Images" TEXT NULL;

ALTER TABLE "Chapters" ADD "Images" TEXT NULL;

ALTER TABLE "Audiobooks" ADD "Images" TEXT NULL;

ALTER TABLE "Artists" ADD "Images" TEXT NULL;

ALTER TABLE "Albums" ADD "Images" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206155107_CatalogObjectImages', '10.0.14');

CREATE TABLE "CatalogRevisions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogRevisions" PRIMARY KEY,
    "Generation" TEXT NOT NULL,
    "Value" INTEGER NOT NULL);
INSERT INTO "CatalogRevisions" VALUES (1, lower(hex(randomblob(16))), 0);

CREATE TRIGGER "Artists_insert_revision" AFTER INSERT ON "Artists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Artists_update_revision" AFTER UPDATE ON "Artists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Artists_delete_revision" AFTER DELETE ON "Artists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Albums_insert_revision" AFTER INSERT ON "Albums"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Albums_update_revision" AFTER UPDATE ON "Albums"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Albums_delete_revision" AFTER DELETE ON "Albums"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "AlbumArtists_insert_revision" AFTER INSERT ON "AlbumArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "AlbumArtists_update_revision" AFTER UPDATE ON "AlbumArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "AlbumArtists_delete_revision" AFTER DELETE ON "AlbumArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Tracks_insert_revision" AFTER INSERT ON "Tracks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Tracks_update_revision" AFTER UPDATE ON "Tracks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Tracks_delete_revision" AFTER DELETE ON "Tracks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "TrackArtists_insert_revision" AFTER INSERT ON "TrackArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "TrackArtists_update_revision" AFTER UPDATE ON "TrackArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "TrackArtists_delete_revision" AFTER DELETE ON "TrackArtists"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Shows_insert_revision" AFTER INSERT ON "Shows"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Shows_update_revision" AFTER UPDATE ON "Shows"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Shows_delete_revision" AFTER DELETE ON "Shows"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Episodes_insert_revision" AFTER INSERT ON "Episodes"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Episodes_update_revision" AFTER UPDATE ON "Episodes"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Episodes_delete_revision" AFTER DELETE ON "Episodes"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Audiobooks_insert_revision" AFTER INSERT ON "Audiobooks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Audiobooks_update_revision" AFTER UPDATE ON "Audiobooks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Audiobooks_delete_revision" AFTER DELETE ON "Audiobooks"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Chapters_insert_revision" AFTER INSERT ON "Chapters"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Chapters_update_revision" AFTER UPDATE ON "Chapters"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Chapters_delete_revision" AFTER DELETE ON "Chapters"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Categories_insert_revision" AFTER INSERT ON "Categories"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Categories_update_revision" AFTER UPDATE ON "Categories"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "Categories_delete_revision" AFTER DELETE ON "Categories"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "CategoryNames_insert_revision" AFTER INSERT ON "CategoryNames"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "CategoryNames_update_revision" AFTER UPDATE ON "CategoryNames"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

CREATE TRIGGER "CategoryNames_delete_revision" AFTER DELETE ON "CategoryNames"
BEGIN UPDATE "CatalogRevisions" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207023728_CatalogRevisions', '10.0.14');

