; Inno Setup script: Chinese installer for the one-folder build in dist\xunzhen.
; Build on Windows, after PyInstaller: iscc packaging\windows\xunzhen.iss
; User data lives in %LOCALAPPDATA%\xunzhen (platformdirs) and is never touched
; by install, upgrade or uninstall.

#define AppExe AddBackslash(SourcePath) + "..\..\dist\xunzhen\Xunzhen.exe"
; The version is read from the built Xunzhen.exe, whose VERSIONINFO the spec makes from
; xunzhen_app.__version__, so the installer cannot disagree with the app; /DAppVersion=… overrides.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error 没有读到版本号：先用 PyInstaller 构建 dist\xunzhen，或传入 /DAppVersion=…
#endif

[Setup]
AppId={{6E1F2B8C-3D4A-4F5B-9C7D-2A1B0E9F8D7C}
AppName=巡诊
AppVersion={#AppVersion}
AppVerName=巡诊 {#AppVersion}
AppPublisher=巡诊开发组
DefaultDirName={autopf}\Xunzhen
DefaultGroupName=巡诊
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=xunzhen-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\xunzhen.ico
UninstallDisplayIcon={app}\Xunzhen.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
; Inno Setup ships Chinese Simplified as an "unofficial" translation: copy
; ChineseSimplified.isl from its istrans page into Inno Setup's Languages folder once.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "附加快捷方式："

[Files]
Source: "..\..\dist\xunzhen\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\巡诊"; Filename: "{app}\Xunzhen.exe"
Name: "{group}\卸载巡诊"; Filename: "{uninstallexe}"
Name: "{autodesktop}\巡诊"; Filename: "{app}\Xunzhen.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Xunzhen.exe"; Description: "启动巡诊"; Flags: nowait postinstall skipifsilent
