// Order matters: the bridge sets window.tuner before the app first asks for it.
import './preview-bridge';
import './main';
