@echo off
rem The command line of TCP Port Tuner on a server without Node: tcp-port-tuner status, apply ...
rem A batch file waits for the GUI program and passes its exit code on, which cmd alone would not.
"%~dp0TCP Port Tuner.exe" --cli %*
exit /b %ERRORLEVEL%
