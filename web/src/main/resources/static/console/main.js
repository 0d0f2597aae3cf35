// Roundup — the editor console. Plain ES modules, no build step: a client of the public API through the gateway
// (same origin, /api/...). Each module owns one part (sign-in, list, editor, autosave, preview, publishing, the
// workflow, the history, the catalog, admin); they open each other's views by name through views.js.

import { setUpAdmin } from './admin.js';
import { setUpCatalog } from './catalog.js';
import { setUpConflict } from './conflict.js';
import { $ } from './dom.js';
import { setUpEditor } from './editor.js';
import { setUpList } from './list.js';
import { setUpLive } from './live.js';
import { setUpNav } from './nav.js';
import { setUpProductEditor } from './product-editor.js';
import { setUpPublish } from './publish.js';
import { setUpRevisions } from './revisions.js';
import { setUpSignIn } from './session.js';
import { showView } from './views.js';
import { setUpWorkflow } from './workflow.js';

setUpSignIn();
setUpList();
setUpEditor();
setUpConflict();
setUpPublish();
setUpLive();
setUpWorkflow();
setUpRevisions();
setUpNav();
setUpCatalog();
setUpProductEditor();
setUpAdmin();
showView('signin');
$('signin-username').focus();
