// A first, plain page: log in and see the spaces you may see. The full client replaces it.
const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(data?.error?.message ?? response.statusText);
  return data;
}

function renderSpace(space) {
  const li = document.createElement('li');
  li.innerHTML = '<span class="kind"></span><span class="name"></span><span class="access"></span>';
  li.querySelector('.kind').textContent = space.kind;
  li.querySelector('.name').textContent = space.name;
  li.querySelector('.access').textContent = space.role ?? space.access;
  if (space.children.length) {
    const ul = document.createElement('ul');
    space.children.forEach((child) => ul.append(renderSpace(child)));
    li.append(ul);
  }
  return li;
}

async function show() {
  try {
    const me = await api('GET', '/api/me');
    const { spaces } = await api('GET', '/api/spaces');
    $('who').textContent = me.name;
    $('tree').replaceChildren(...spaces.map(renderSpace));
    $('login').hidden = true;
    $('spaces').hidden = false;
  } catch {
    $('who').textContent = '';
    $('login').hidden = false;
    $('spaces').hidden = true;
  }
}

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    await api('POST', '/api/auth/login', { email: form.get('email'), password: form.get('password') });
    $('login-error').textContent = '';
    await show();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
});

$('logout').addEventListener('click', async () => {
  await api('POST', '/api/auth/logout');
  await show();
});

show();
