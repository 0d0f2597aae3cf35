// Roundup — the editor console. Plain ES modules, no build step: a client of the public API through the gateway
// (same origin, /api/...). Each module owns one part (sign-in, list, editor, autosave, preview, publishing, the
// workflow, the history); they open each other's views by name through views.js.

import { $ } from './dom.js';
import { setUpEditor } from './editor.js';
import { setUpList } from './list.js';
import { setUpLive } from './live.js';
import { setUpPublish } from './publish.js';
import { setUpRevisions } from './revisions.js';
import { setUpSignIn } from './session.js';
import { showView } from './views.js';
import { setUpWorkflow } from './workflow.js';

setUpSignIn();
setUpList();
setUpEditor();
setUpPublish();
setUpLive();
setUpWorkflow();
setUpRevisions();
showView('signin');
$('signin-username').focus();
