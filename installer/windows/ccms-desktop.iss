; Inno Setup 6 script for CCMS Desktop. Built by installer\build.ps1, which passes
; AppVersion and SourceDir. Installs per user (no administrator rights needed); an upgrade
; replaces the program folder only. The encrypted store, settings and logs live in
; %LOCALAPPDATA%\ccms-desktop (platformdirs) and are kept on uninstall unless the user
; asks to remove them.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ccms-desktop"
#endif

[Setup]
AppId={{6C1B3E0A-2F4D-4C8E-9E55-CC35DE5C0A11}
AppName=CCMS Desktop
AppVersion={#AppVersion}
AppPublisher=John Howard Society of Canada
DefaultDirName={localappdata}\Programs\CCMS Desktop
DefaultGroupName=CCMS Desktop
PrivilegesRequired=lowest
OutputBaseFilename=ccms-desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\ccms-desktop.exe
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
en.RemoveData=Also remove the encrypted case store, settings and logs from this computer?%n%nChoose No to keep them (for example before reinstalling).
fr.RemoveData=Supprimer aussi de cet ordinateur la base de dossiers chiffrée, les paramètres et les journaux?%n%nChoisissez Non pour les conserver (par exemple avant une réinstallation).

[Files]
; Replace the whole program folder on upgrade so no stale module survives.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\CCMS Desktop"; Filename: "{app}\ccms-desktop.exe"
Name: "{userdesktop}\CCMS Desktop"; Filename: "{app}\ccms-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\ccms-desktop.exe"; Description: "{cm:LaunchProgram,CCMS Desktop}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    if (not UninstallSilent) and
       (MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(ExpandConstant('{localappdata}\ccms-desktop'), True, True, True);
    end;
end;
