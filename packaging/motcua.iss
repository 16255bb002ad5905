; Inno Setup 6 script: the installer of the PyInstaller folder (dist\motcua). Build on Windows:
;   make dist            (or: pyinstaller --noconfirm build.spec)
;   iscc /DVersion=0.1.0 packaging\motcua.iss      -> packaging\Output\motcua-setup-0.1.0.exe
; Per-machine install under Program Files; the data folder (database, settings, logs) stays in the user's
; %LOCALAPPDATA%\motcua and is never removed by the uninstaller.
#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6D6F7463-7561-4D43-5550-000000000001}
AppName=Một cửa
AppVersion={#Version}
AppPublisher=motcua
DefaultDirName={autopf}\motcua
DefaultGroupName=Một cửa
OutputBaseFilename=motcua-setup-{#Version}
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=admin
WizardStyle=modern
UninstallDisplayIcon={app}\motcua-station.exe

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
; "Một cửa" opens the window of the role chosen in the set-up wizard (motcua start); the others force one.
Name: "start"; Description: "Một cửa (theo vai trò của máy)"; GroupDescription: "Biểu tượng trên màn hình:"
Name: "counter"; Description: "Quầy tiếp nhận"; GroupDescription: "Biểu tượng trên màn hình:"; Flags: unchecked
Name: "kiosk"; Description: "Ki-ốt lấy số"; GroupDescription: "Biểu tượng trên màn hình:"; Flags: unchecked
Name: "display"; Description: "Màn hình hiển thị"; GroupDescription: "Biểu tượng trên màn hình:"; Flags: unchecked

[Files]
Source: "..\dist\motcua\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Một cửa"; Filename: "{app}\motcua-station.exe"; Parameters: "start"
Name: "{group}\Một cửa — Quầy"; Filename: "{app}\motcua-station.exe"; Parameters: "counter"
Name: "{group}\Một cửa — Ki-ốt"; Filename: "{app}\motcua-station.exe"; Parameters: "kiosk"
Name: "{group}\Một cửa — Màn hình hiển thị"; Filename: "{app}\motcua-station.exe"; Parameters: "display"
Name: "{group}\Một cửa — Cài đặt"; Filename: "{app}\motcua-station.exe"; Parameters: "setup"
Name: "{autodesktop}\Một cửa"; Filename: "{app}\motcua-station.exe"; Parameters: "start"; Tasks: start
Name: "{autodesktop}\Một cửa — Quầy"; Filename: "{app}\motcua-station.exe"; Parameters: "counter"; Tasks: counter
Name: "{autodesktop}\Một cửa — Ki-ốt"; Filename: "{app}\motcua-station.exe"; Parameters: "kiosk"; Tasks: kiosk
Name: "{autodesktop}\Một cửa — Màn hình"; Filename: "{app}\motcua-station.exe"; Parameters: "display"; Tasks: display

[Run]
; The first start opens the set-up wizard (no station.toml, no database yet).
Filename: "{app}\motcua-station.exe"; Parameters: "setup"; Description: "Cài đặt máy tính này"; Flags: postinstall nowait skipifsilent
