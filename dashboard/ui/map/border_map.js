// The border map, drawn with the app's own Leaflet (/app/static/vendor/leaflet/, never a CDN) as an
// st.components.v2 component (dashboard/ui/mapcomponent.py). Each run sends `data`:
//   {url: the map's data (a static JSON file, dashboard/ui/mapview.py: map_data), selected: a province code or
//    null, height: pixels, leaflet: the URL of leaflet.js}
// A click anywhere on the map (a marker included) sets the trigger `province` to the code of the province the
// point lies in (point in polygon over the province outlines), so selection does not depend on which layer is
// on top. The map (and its pan and zoom) stays while runs send new data; only a new `url` redraws its layers.
// The map is exposed for tests as window.borderWatchMap.

function leafletLoaded(src) {
  if (window.L) return Promise.resolve(window.L);
  if (!window.__borderWatchLeaflet) {
    window.__borderWatchLeaflet = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve(window.L);
      s.onerror = () => { window.__borderWatchLeaflet = null; reject(new Error("Leaflet did not load")); };
      document.head.appendChild(s);
    });
  }
  return window.__borderWatchLeaflet;
}

// A tooltip that would stick out of the map (whose frame clips it) is moved back inside: the CSS `translate`
// property, which adds to the position Leaflet sets through `transform`.
function fitTooltip(map, tip) {
  const el = tip && tip.getElement && tip.getElement();
  if (!el || !el.isConnected) return;
  el.style.translate = "";
  const box = el.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect(), pad = 4;
  let dx = 0, dy = 0;
  if (box.right > frame.right - pad) dx = frame.right - pad - box.right;
  if (box.left + dx < frame.left + pad) dx = frame.left + pad - box.left;
  if (box.bottom > frame.bottom - pad) dy = frame.bottom - pad - box.bottom;
  if (box.top + dy < frame.top + pad) dy = frame.top + pad - box.top;
  if (dx || dy) el.style.translate = `${Math.round(dx)}px ${Math.round(dy)}px`;
}

// Ray casting over one ring of [lon, lat] pairs.
function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inGeometry(lon, lat, g) {
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  return polygons.some((rings) => inRing(lon, lat, rings[0]) && !rings.slice(1).some((h) => inRing(lon, lat, h)));
}

function provinceAt(state, latlng) {
  for (const layer of state.provinces ? state.provinces.getLayers() : []) {
    const f = layer.feature;
    if (layer.getBounds().contains(latlng) && inGeometry(latlng.lng, latlng.lat, f.geometry)) return f.properties.code;
  }
  return null;
}

function pointsLayer(L, points, interactive) {
  const group = L.featureGroup();
  for (const p of points) {
    const m = L.circleMarker([p.lat, p.lon], {
      radius: p.radius, color: p.color, weight: p.weight, fill: true, fillColor: p.fillColor, fillOpacity: 0.9,
      interactive,
    });
    if (interactive) m.bindTooltip(p.label, { sticky: false });  // labels are escaped HTML (mapview.py)
    m.addTo(group);
  }
  return group;
}

function draw(L, state, d) {
  const map = state.map;
  for (const layer of state.layers) map.removeLayer(layer);
  if (state.control) map.removeControl(state.control);
  state.layers = [];
  const overlays = {};
  const add = (name, layer, shown = true) => {
    state.layers.push(layer);
    if (shown) layer.addTo(map);
    if (name) overlays[name] = layer;
  };
  if (d.context) {
    add(null, L.geoJSON(d.context.geometry, {
      interactive: false,
      style: { fillColor: "#cbd5e1", color: "#94a3b8", weight: 0.6, fillOpacity: 0.35 },
    }));
  }
  state.provinces = L.geoJSON(d.provinces.features, {
    style: (f) => ({ fillColor: f.properties.fillColor, fillOpacity: f.properties.fillOpacity, color: "#475569", weight: 0.6 }),
    onEachFeature: (f, layer) => {
      layer.bindTooltip(f.properties.label, { sticky: true });
      layer.on("mouseover", () => layer.setStyle({ weight: 2, color: "#111827" }));
      layer.on("mouseout", () => state.provinces.resetStyle(layer));
    },
  });
  add(d.provinces.name, state.provinces);
  const border = L.featureGroup();
  L.polyline(d.border.line, { color: "#111827", weight: 3, opacity: 0.9 }).bindTooltip(d.border.label).addTo(border);
  for (const mark of d.border.marks) {
    const text = document.createElement("div");
    text.className = "km-mark";
    text.textContent = mark.label;
    L.marker([mark.lat, mark.lon], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: "", html: text, iconSize: [90, 14], iconAnchor: [-6, 7] }),
    }).addTo(border);
  }
  pointsLayer(L, d.border.marks, true).addTo(border);
  add(d.border.name, border);
  for (const layer of d.points) add(layer.name, pointsLayer(L, layer.points, true));
  add(d.tiles.name, L.tileLayer(d.tiles.url, { attribution: d.tiles.attribution, maxZoom: 19 }), false);
  state.control = L.control.layers(null, overlays, { position: "topleft", collapsed: true }).addTo(map);
  state.fine = null;
  state.fineUrl = d.fineUrl;
  state.fineZoom = d.fineZoom;
  fineOnZoom(L, state);
}

// Zoomed in to fineZoom, fetch the detailed outlines once and swap them into the province polygons.
function fineOnZoom(L, state) {
  if (state.fine || !state.provinces || state.map.getZoom() < state.fineZoom) return;
  const url = state.fineUrl;
  state.fine = fetch(url).then((r) => r.json()).then((fine) => {
    if (url !== state.fineUrl) return;
    state.provinces.eachLayer((layer) => {
      const f = layer.feature, g = fine[f.properties.code];
      if (!g) return;
      layer.setLatLngs(L.GeoJSON.coordsToLatLngs(g.coordinates, g.type === "Polygon" ? 1 : 2));
      f.geometry = g;
    });
    select(L, state, state.selected);
  }).catch(() => { state.fine = null; });
}

function select(L, state, code) {
  state.selected = code;
  if (state.selection) state.map.removeLayer(state.selection);
  state.selection = null;
  const layer = state.provinces && state.provinces.getLayers().find((l) => l.feature.properties.code === code);
  if (!layer) return;
  state.selection = L.geoJSON(layer.feature.geometry, {
    interactive: false, style: { color: "#f59e0b", weight: 4, fillOpacity: 0 },
  }).addTo(state.map);
}

// The legend in the top right corner (inland, off the border line and clear of Trat and Koh Kong in the south),
// closed until the visitor opens it.
function legend(L, d) {
  const control = L.control({ position: "topright" });
  control.onAdd = () => {
    const box = L.DomUtil.create("details", "bw-legend");
    box.open = false;
    box.innerHTML = "<summary>Legend</summary>" + d.legend;  // the module's own HTML (mapview.py)
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  return control;
}

const STATES = new WeakMap();

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  let state = STATES.get(parentElement);
  if (!state) {
    const div = document.createElement("div");
    div.className = "bw-map";
    parentElement.appendChild(div);
    state = { div, map: null, layers: [], url: null, selected: null, pending: null };
    STATES.set(parentElement, state);
  }
  state.div.style.height = `${data.height}px`;
  state.want = data;
  leafletLoaded(data.leaflet).then(async (L) => {
    const d = state.want;
    if (!state.map) {
      state.map = L.map(state.div, {
        center: d.centre || [13.3, 103.6], zoom: 7, preferCanvas: true, zoomControl: true,
      });
      L.control.scale().addTo(state.map);
      state.map.attributionControl.setPrefix(false);
      state.map.on("zoomend", () => fineOnZoom(L, state));
      state.map.on("click", (e) => {
        const code = provinceAt(state, e.latlng);
        if (code) setTriggerValue("province", code);
      });
      state.map.on("tooltipopen", (e) => { state.tip = e.tooltip; fitTooltip(state.map, e.tooltip); });
      state.map.on("tooltipclose", (e) => { if (state.tip === e.tooltip) state.tip = null; });
      // a sticky tooltip follows the mouse: fitted again once Leaflet has moved it
      state.map.on("mousemove", () => requestAnimationFrame(() => fitTooltip(state.map, state.tip)));
      window.borderWatchMap = state.map;
    }
    if (state.url !== d.url) {
      state.url = d.url;
      const mapData = await (await fetch(d.url)).json();
      if (state.url !== d.url) return;
      if (!state.legend) {
        state.map.setView(mapData.centre, mapData.zoom);
        state.map.setMinZoom(mapData.minZoom);
        state.map.setMaxZoom(mapData.maxZoom);
        state.map.attributionControl.addAttribution(mapData.attribution);
        state.legend = legend(L, mapData).addTo(state.map);
      }
      draw(L, state, mapData);
    }
    select(L, state, state.want.selected);
    state.map.invalidateSize();
    state.div.dataset.drawn = state.url;
  });
}
