; The Windows installer (Inno Setup 6), made by `./dev bundle --package-only` on Windows:
; packaging/bundle.py passes AppVersion, SourceDir (the PyInstaller folder), OutputDir, IconFile.
; Per user, no administrator rights: the app goes to %LOCALAPPDATA%\Programs\Privacy Walkthrough,
; with Start menu entries and an entry in Settings > Apps to remove it. Uninstalling leaves the
; person's progress (in %LOCALAPPDATA%\privacy-walkthrough) alone; the app's File > Erase all my
; data removes that, as the README's Install section says.

#define AppName "Privacy Walkthrough"

[Setup]
AppId={{6F0C7C3E-5B0E-4E43-9E1B-0D6C9A3B7F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Privacy Walkthrough contributors
AppComments=A guided, local-only walkthrough for Apple Messages privacy settings. It never connects to the internet.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Privacy-Walkthrough-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppName}.exe
UninstallDisplayName={#AppName}
LicenseFile={#SourceDir}\_internal\privacy_walkthrough-{#AppVersion}.dist-info\licenses\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppName}.exe"
Name: "{autoprograms}\{#AppName} (command line)"; Filename: "{cmd}"; Parameters: "/k ""{app}\privacy-walkthrough.exe"" --help"; WorkingDir: "{userdocs}"

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "Open {#AppName} now"; Flags: nowait postinstall skipifsilent
