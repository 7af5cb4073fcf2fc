@echo off
rem The command line of TCP Port Tuner on a server without Node: tcp-port-tuner status, apply ...
rem To keep the output in a file, redirect both streams: tcp-port-tuner status > out.txt 2>&1
rem A batch file waits for the GUI program and passes its exit code on, which cmd alone would not.
setlocal EnableExtensions DisableDelayedExpansion

rem Every command needs an elevated console, and that is checked before the exe starts: from any
rem other console Windows would ask UAC for rights and run it in a console of its own, where its
rem output and exit code are lost to the script that called it.

rem Programs by full path only: cmd looks in the working folder, then PATH, for a bare name.
rem System32 is the folder of this cmd.exe (__APPDIR__, set by cmd itself once no variable of that
rem name hides it), not %SystemRoot%, which the user's environment can change; %SystemRoot% only
rem for a cmd without __APPDIR__ (Wine's).
set "__APPDIR__="
set "TUNER_SYSTEM32=%__APPDIR__%"
if not defined TUNER_SYSTEM32 set "TUNER_SYSTEM32=%SystemRoot%\System32\"
rem FOR /F starts its command through %ComSpec% (Wine's cmd through a bare CMD.EXE, found in the
rem working folder first): both point at System32 while it runs, and the working folder is put
rem back before the exe starts, for the paths the command line may name.
set "ComSpec=%TUNER_SYSTEM32%cmd.exe"
if not exist "%TUNER_SYSTEM32%whoami.exe" goto no_whoami
pushd "%TUNER_SYSTEM32%"

rem Elevated: the token's integrity level is High (S-1-16-12288) or System (S-1-16-16384), the
rem same test the app makes, in every display language. The SID is the third field of each line
rem ("name","type","SID","attributes"); a group's name cannot contain a comma.
set "TUNER_ELEVATED="
for /f "usebackq tokens=3 delims=," %%S in (`"%TUNER_SYSTEM32%whoami.exe" /groups /fo csv /nh`) do (
  if "%%~S"=="S-1-16-12288" set "TUNER_ELEVATED=1"
  if "%%~S"=="S-1-16-16384" set "TUNER_ELEVATED=1"
)
popd
if not defined TUNER_ELEVATED goto not_elevated

"%~dp0TCP Port Tuner.exe" --cli %*
exit /b %ERRORLEVEL%

:not_elevated
>&2 echo tcp-port-tuner: This console is not elevated, and TCP Port Tuner runs only as administrator. Open a console with "Run as administrator" and run the command again. Nothing was changed.
exit /b 3

:no_whoami
>&2 echo tcp-port-tuner: %TUNER_SYSTEM32%whoami.exe is missing, so whether this console is elevated cannot be told. Nothing was changed.
exit /b 1
