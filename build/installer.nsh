; Included into electron-builder's NSIS script (nsis.include in electron-builder.json).
;
; TCP Port Tuner keeps its journal and its .reg backups in %ProgramData%\TCP Port Tuner,
; machine-wide, beside the registry they describe. Uninstalling never removes them: they are the
; only record of the values from before the tool's first change. electron-builder's uninstaller
; does not touch that folder; "deleteAppDataOnUninstall": false in electron-builder.json also keeps
; Electron's per-user folder in %AppData% (the only folder that option would delete).
; Uninstalling does not change the two registry values either, so the message says how to go back.

!macro customUnInstall
  ; An update runs the old uninstaller too: say nothing then, the data stays in use.
  ${ifNot} ${isUpdated}
    Push $0
    ReadEnvStr $0 ProgramData
    MessageBox MB_OK|MB_ICONINFORMATION "TCP Port Tuner keeps its backups and its change journal in$\r$\n$0\TCP Port Tuner$\r$\n$\r$\nThey are not removed, so the values from before the first change can still be restored: import a backup (.reg file) from that folder, or reinstall and use Undo. Delete the folder yourself when you no longer need it.$\r$\n$\r$\nUninstalling does not change the MaxUserPort and TcpTimedWaitDelay registry values." /SD IDOK
    Pop $0
  ${endIf}
!macroend
